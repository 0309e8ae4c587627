import { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { CallKind } from "./client-stats.ts";
import { chunked } from "./batch-read.ts";
import { hubspotRecordSchema, type HubSpotRecord } from "./hubspot-record.ts";
import { contextValues, inputError, parseBatchError, type BatchErrorEntry } from "./input-error.ts";
import { isolateBadInputs, refusalOf, type Refusal } from "./isolate-bad-inputs.ts";
import { parseAnswer } from "./parse-answer.ts";
import { segment } from "./request-url.ts";
import { backoffDelay } from "./retry-delay.ts";
import { traceIdFor } from "./trace-id.ts";
import { writeReplay, type Replay } from "./retry-policy.ts";
import { verifyCreates } from "./verify-creates.ts";
import { sleepUnlessAborted } from "./sleep-unless-aborted.ts";
import type { WriteContext } from "./write-context.ts";
import { holdsValues, Outcomes, type PendingWrite } from "./write-input.ts";
import type { PropertyValues, WriteError, WriteOptions, WriteOutcome, WriteStatus } from "./write-outcome.ts";

/** What differs between batch create, update and upsert. */
export interface ObjectWriteSpec<I> {
  operation: "create" | "update" | "upsert";
  type: string;
  /** HubSpot's input for one item, without its trace id. */
  input(item: I): Record<string, unknown>;
  /** What a result carries that names its input without a trace id: the record id, or the idProperty's value. */
  identity(item: I): string | undefined;
  resultIdentity(record: HubSpotRecord): string | undefined;
  /** Creates only: the unique property to look records up by after a lost answer. */
  verifyBy?: string;
}

const answerSchema = z.object({ startedAt: z.string().optional(), results: z.array(z.unknown()).default([]), errors: z.array(z.unknown()).optional() });
const extrasSchema = z.object({ objectWriteTraceId: z.string().optional().catch(undefined), new: z.boolean().optional().catch(undefined) });

/** How far HubSpot's clock may be from ours when telling a record we created from one that was there. */
const clockSkewMs = 60_000;

/** Codes after which the rest of a call is not sent: HubSpot is down, or the day's calls are spent. */
const stopCodes = new Set(["HUBSPOT_UNAVAILABLE", "HUBSPOT_RATE_LIMITED"]);

/**
 * Batch create / update / upsert of any number of inputs, `limits.batchSize` a call, with an
 * outcome per input (pitfalls 10 and 11). Every input carries an `objectWriteTraceId` from its
 * key, so a 207 names each refused input; a batch refused whole is split until the bad inputs
 * stand alone. Updates and upserts are idempotent, so the transport retries them like reads;
 * creates are not, so a lost answer is checked (`verifyBy`) before anything is sent again.
 * Throws only what stops the whole call (auth, scopes, cancellation).
 */
export async function writeObjects<I extends { key: string; properties: PropertyValues }>(
  ctx: WriteContext,
  spec: ObjectWriteSpec<I>,
  inputs: readonly I[],
  options: WriteOptions = {},
): Promise<WriteOutcome[]> {
  const outcomes = new Outcomes(inputs.length);
  const pending = admit(spec, inputs, outcomes);
  const writer = new ObjectWriter(ctx, spec, outcomes, options);
  let stopped: WriteError | undefined;
  for await (const chunk of chunked(pending, ctx.limits.batchSize)) {
    if (stopped !== undefined) {
      for (const item of chunk) outcomes.failed(item, { ...stopped, message: `Not sent: ${stopped.message}` });
      continue;
    }
    try {
      await isolateBadInputs(ctx, chunk, (items) => writer.send(items, 1), (item, refusal) => outcomes.refused(item, refusal), suspectsOf);
    } catch (error) {
      if (!(error instanceof HubsyncError) || !(stopCodes.has(error.code) || error.code === "HUBSPOT_BAD_RESPONSE")) throw error;
      // Creates are never retried after a failure HubSpot may have applied, nor is anything after 423/477/429.
      const notApplied = spec.operation === "create" || error.code === "HUBSPOT_RATE_LIMITED" || error.details.status === 423 || error.details.status === 477;
      const category = error.code !== "HUBSPOT_BAD_RESPONSE" && notApplied ? "UNAVAILABLE" : "OUTCOME_UNKNOWN";
      const failure: WriteError = { category, message: error.message };
      if (error.details.correlationId !== undefined) failure.correlationId = error.details.correlationId;
      for (const item of chunk) if (!outcomes.settled(item.index)) outcomes.failed(item, failure);
      if (stopCodes.has(error.code)) stopped = { category: "UNAVAILABLE", message: error.message };
    }
  }
  return outcomes.all(inputs.map((input) => input.key));
}

/**
 * The inputs a whole-batch refusal points at. HubSpot names the property and starts its
 * message with the refused value ("stage-9 was not one of the allowed options: [lead, ...]"):
 * the inputs whose value is quoted first (the longest such, so "stage-90" beats "stage-9")
 * are suspects; failing a quote, those that set the property at all.
 */
function suspectsOf<I>(items: ReadonlyArray<PendingWrite<I>>, refusal: Refusal): Array<PendingWrite<I>> {
  const { property, message } = inputError(refusal.body, "VALIDATION_ERROR");
  if (property === undefined) return [];
  const setting = items.filter((item) => (item.properties[property] ?? "") !== "");
  const quotedAt = (item: PendingWrite<I>): number => message.indexOf(item.properties[property] ?? "");
  const quoted = setting.filter((item) => quotedAt(item) >= 0);
  if (quoted.length === 0) return setting;
  const first = Math.min(...quoted.map(quotedAt));
  const atFirst = quoted.filter((item) => quotedAt(item) === first);
  const longest = Math.max(...atFirst.map((item) => (item.properties[property] ?? "").length));
  return atFirst.filter((item) => (item.properties[property] ?? "").length === longest);
}

/** Pitfall 10 inside one call: two inputs with one key, or (update, upsert) naming one record, cannot both be right. */
function admit<I extends { key: string; properties: PropertyValues }>(spec: ObjectWriteSpec<I>, inputs: readonly I[], outcomes: Outcomes): Array<PendingWrite<I>> {
  const keys = new Set<string>();
  const identities = new Set<string>();
  const pending: Array<PendingWrite<I>> = [];
  inputs.forEach((input, index) => {
    const identity = spec.identity(input)?.toLowerCase();
    const clash = keys.has(input.key) ? "key" : spec.operation !== "create" && identity !== undefined && identities.has(identity) ? "record" : undefined;
    if (clash !== undefined) {
      const message = clash === "key" ? `Another input of this call has the key ${input.key}.` : `Another input of this call writes the same record (${identity}).`;
      outcomes.failed({ index, key: input.key }, { category: "DUPLICATE_INPUT", message });
      return;
    }
    keys.add(input.key);
    if (identity !== undefined) identities.add(identity);
    pending.push({ index, key: input.key, traceId: traceIdFor(input.key), input, properties: input.properties, identity });
  });
  return pending;
}

class ObjectWriter<I> {
  readonly #ctx: WriteContext;
  readonly #spec: ObjectWriteSpec<I>;
  readonly #outcomes: Outcomes;
  readonly #options: WriteOptions;
  readonly #path: string;
  readonly #replay: Replay;

  constructor(ctx: WriteContext, spec: ObjectWriteSpec<I>, outcomes: Outcomes, options: WriteOptions) {
    this.#ctx = ctx;
    this.#spec = spec;
    this.#outcomes = outcomes;
    this.#options = options;
    this.#path = `/crm/v3/objects/${segment(spec.type)}/batch/${spec.operation}`;
    this.#replay = writeReplay[spec.operation].replay;
  }

  /** One batch call: settles every item, or returns HubSpot's refusal of the whole batch. `attempt` counts lost answers. */
  async send(items: Array<PendingWrite<I>>, attempt: number): Promise<Refusal | undefined> {
    const json = { inputs: items.map((item) => ({ ...this.#spec.input(item.input), objectWriteTraceId: item.traceId })) };
    const kind: CallKind = this.#spec.operation;
    const sentAt = this.#ctx.clock.now();
    const answer = await this.#ctx.transport.exchange({ kind, method: "POST", path: this.#path, json, budget: "burst", replay: this.#replay, signal: this.#options.signal });
    if (answer.kind === "unknown") {
      await this.#afterLostAnswer(items, answer.reason, attempt, sentAt);
      return undefined;
    }
    if (answer.status < 200 || answer.status >= 300) return refusalOf(answer.status, answer.body);
    await this.#settle(items, answer.body, attempt, sentAt);
    return undefined;
  }

  /** Reads a 2xx/207 answer: results and errors matched to items by trace id (or, failing that, by identity). */
  async #settle(items: Array<PendingWrite<I>>, body: unknown, attempt: number, sentAt: number): Promise<void> {
    const what = `POST ${this.#path}`;
    const answer = parseAnswer(answerSchema, body, what);
    const startedAt = answer.startedAt === undefined ? Number.NaN : Date.parse(answer.startedAt);
    const byTrace = new Map(items.map((item) => [item.traceId, item]));
    const open = new Set(items);
    const unmatched: Array<{ record: HubSpotRecord; isNew: boolean | undefined }> = [];
    answer.results.forEach((raw, i) => {
      const record = parseAnswer(hubspotRecordSchema, raw, `${what} (results[${i}])`);
      const extras = extrasSchema.safeParse(raw);
      const traced = extras.success && extras.data.objectWriteTraceId !== undefined ? byTrace.get(extras.data.objectWriteTraceId) : undefined;
      const isNew = extras.success ? extras.data.new : undefined;
      const item = traced ?? this.#byIdentity(open, record);
      if (item === undefined || !open.has(item)) unmatched.push({ record, isNew });
      else this.#written(open, item, record, isNew, startedAt);
    });
    // Creates carry no id to match on: a result that holds exactly what an item sent is that item's.
    for (const { record, isNew } of unmatched) {
      const item = [...open].find((candidate) => holdsValues(record, candidate.properties));
      if (item !== undefined) this.#written(open, item, record, isNew, startedAt);
    }
    const unattributed: BatchErrorEntry[] = [];
    for (const raw of answer.errors ?? []) {
      const entry = parseBatchError(raw);
      const named = contextValues(entry, "objectWriteTraceId").map((trace) => byTrace.get(trace));
      const byId = new Set(contextValues(entry, "ids").map((id) => id.toLowerCase()));
      const targets = [...named.filter((item): item is PendingWrite<I> => item !== undefined), ...[...open].filter((item) => item.identity !== undefined && byId.has(item.identity))];
      if (targets.length === 0) unattributed.push(entry);
      for (const item of targets) {
        if (!open.delete(item)) continue;
        const status = entry.category === "CONFLICT" ? 409 : entry.category === "OBJECT_NOT_FOUND" ? 404 : 400;
        this.#outcomes.refused(item, { status, body: entry, aboutInputs: true });
      }
    }
    if (open.size > 0) await this.#unresolved([...open], unattributed, items.length === 1, attempt, sentAt);
  }

  #byIdentity(open: Set<PendingWrite<I>>, record: HubSpotRecord): PendingWrite<I> | undefined {
    const identity = this.#spec.resultIdentity(record)?.toLowerCase();
    return identity === undefined ? undefined : [...open].find((item) => item.identity === identity);
  }

  #written(open: Set<PendingWrite<I>>, item: PendingWrite<I>, record: HubSpotRecord, isNew: boolean | undefined, startedAt: number): void {
    open.delete(item);
    let status: WriteStatus = "updated";
    if (this.#spec.operation === "create" || isNew === true) status = "created";
    // HubSpot does not touch a record whose values did not change; its own clocks show it.
    else if (Date.parse(record.updatedAt) < startedAt) status = "unchanged";
    this.#outcomes.written(item, status, record);
  }

  /**
   * Items an answer neither wrote nor refused by name (HubSpot left out trace ids and the
   * results do not say whose they are). Idempotent writes are sent again one by one; creates
   * only when nothing can have been created: the errors account for every such item.
   */
  async #unresolved(items: Array<PendingWrite<I>>, unattributed: BatchErrorEntry[], alone: boolean, attempt: number, sentAt: number): Promise<void> {
    const reason = "HubSpot's answer did not say what became of this input";
    if (alone) {
      const [entry] = unattributed;
      for (const item of items) {
        if (entry !== undefined) this.#outcomes.failed(item, inputError(entry, "VALIDATION_ERROR"));
        else this.#outcomes.failed(item, { category: "OUTCOME_UNKNOWN", message: `${reason}.` });
      }
      return;
    }
    if (this.#spec.operation === "create" && unattributed.length !== items.length) {
      await this.#afterLostAnswer(items, reason, attempt, sentAt);
      return;
    }
    for (const item of items) {
      const refusal = await this.send([item], attempt);
      if (refusal !== undefined) this.#outcomes.refused(item, refusal);
    }
  }

  /**
   * Pitfall 10: a create HubSpot may have applied (no answer, 5xx). Sending it again could
   * create the record twice, so the records are first read by `verifyBy`: those found are
   * outcomes already, and only the others are sent again, after a back-off. A record found
   * is ours (`created`) if it holds what was sent and was created since the attempt (give or
   * take clock skew); otherwise it was there before: a `conflict`, as HubSpot's 409 would say.
   */
  async #afterLostAnswer(items: Array<PendingWrite<I>>, reason: string, attempt: number, sentAt: number): Promise<void> {
    this.#ctx.stats.writeVerified();
    const verifyBy = this.#spec.verifyBy;
    const unknown = (item: PendingWrite<I>): void =>
      this.#outcomes.failed(item, {
        category: "OUTCOME_UNKNOWN",
        message: `HubSpot's answer to the create was lost (${reason}); it may or may not have been created, and was not sent again so as not to create it twice.${verifyBy === undefined ? " Give idProperty so hubsync can check." : ""}`,
      });
    if (verifyBy === undefined) {
      items.forEach(unknown);
      return;
    }
    const found = await verifyCreates(this.#ctx, this.#spec.type, verifyBy, items, this.#options.signal);
    const again: Array<PendingWrite<I>> = [];
    for (const item of items) {
      const record = found.get(item.index);
      if (record === "unverifiable") unknown(item);
      else if (record === undefined) again.push(item);
      // The record exists: ours if it holds what we sent; else someone else's, a conflict to update.
      else if (holdsValues(record, item.properties) && Date.parse(record.createdAt) >= sentAt - clockSkewMs) this.#outcomes.written(item, "created", record);
      else this.#outcomes.set(item.index, { key: item.key, status: "conflict", id: record.id, error: { category: "CONFLICT", message: `A record with this ${verifyBy} already exists. Existing ID: ${record.id}` } });
    }
    if (again.length === 0) return;
    if (attempt >= this.#ctx.limits.retry.attempts) {
      for (const item of again) this.#outcomes.failed(item, { category: "UNAVAILABLE", message: `Not created: HubSpot failed ${attempt} times (${reason}) and holds no such record.` });
      return;
    }
    const delay = backoffDelay(attempt, this.#ctx.limits.retry, this.#ctx.random);
    this.#ctx.stats.retry();
    this.#ctx.stats.backoff(delay);
    await sleepUnlessAborted(this.#ctx, delay, this.#options.signal);
    await isolateBadInputs(this.#ctx, again, (batch) => this.send(batch, attempt + 1), (item, refusal) => this.#outcomes.refused(item, refusal), suspectsOf);
  }
}
