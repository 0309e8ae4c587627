import { hubSpotId, type HubSpotId } from "../../core/ids.ts";
import type { CreateInput, UpdateInput, WriteError, WriteOutcome } from "../../hubspot/index.ts";
import type { OutboundRow } from "../../store/index.ts";
import { findRecords } from "./find-records.ts";
import { callOptions, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { PlannedRow } from "./plan-row.ts";

/**
 * What became of one row's record: `created` or `updated` (`unchanged` when HubSpot found
 * nothing to change), `matched` (create mode found the record already there and left it
 * alone), or `failed` with HubSpot's reason (or hubsync's, for a row that cannot be matched).
 */
export interface RecordResult {
  status: "created" | "updated" | "unchanged" | "matched" | "failed";
  id?: HubSpotId;
  error?: WriteError;
}

/** A row whose record is to be written, with what the store remembers of it. */
export interface WriteRow {
  row: PlannedRow;
  stored: OutboundRow | undefined;
}

/**
 * Writes (or, in a dry run, predicts) the records of a page's changed rows, 100 a call, the
 * way the mode says: rows this sync wrote before by their record id; the others by the match
 * property — batch upsert for a unique one (a 409 or a secondary email is a match, updated),
 * a search for another, batch update by id for `hs_object_id`. A record that has disappeared
 * since is matched again. A retry never creates a second record (see the client's writes).
 */
export async function writeRecords(run: OutboundRun, target: OutboundTarget, rows: readonly WriteRow[]): Promise<Map<string, RecordResult>> {
  const results = new Map<string, RecordResult>();
  const known = rows.filter((r) => r.stored?.hubspotId != null && r.stored.status !== "archived" && run.sync.mode !== "create");
  const unknown = rows.filter((r) => !known.includes(r));
  if (known.length > 0) {
    if (run.dryRun || target.missingObject) {
      for (const { row, stored } of known) results.set(row.key, { status: "updated", ...(stored?.hubspotId == null ? {} : { id: stored.hubspotId }) });
    } else {
      const outcomes = await update(run, target, known.map(({ row, stored }) => ({ key: row.key, id: stored?.hubspotId ?? "", properties: row.properties })));
      for (const outcome of outcomes) {
        const again = known.find((r) => r.row.key === outcome.key);
        // Deleted (or never there) since this sync wrote it: find its record again.
        if (outcome.status === "failed" && outcome.error?.category === "OBJECT_NOT_FOUND" && again !== undefined) unknown.push(again);
        else results.set(outcome.key, resultOf(outcome));
      }
    }
  }
  if (unknown.length > 0) for (const [key, result] of await matchAndWrite(run, target, unknown.map((r) => r.row))) results.set(key, result);
  return results;
}

async function matchAndWrite(run: OutboundRun, target: OutboundTarget, rows: readonly PlannedRow[]): Promise<Map<string, RecordResult>> {
  const results = new Map<string, RecordResult>();
  const { match } = target;
  const mode = run.sync.mode;
  const creates: PlannedRow[] = [];
  const updates: UpdateInput[] = [];

  if (target.missingObject) {
    // A dry run before the custom object exists: every row would be created.
    for (const row of rows) results.set(row.key, mode === "update" ? notFound(row, "the custom object does not exist yet") : { status: "created" });
    return results;
  }
  if (match.kind === "none" || (match.kind === "unique" && mode === "create" && !run.dryRun)) {
    // Create mode by a unique property: HubSpot's 409 says a record is there (left alone), no look-up needed.
    creates.push(...rows);
  } else if (match.kind === "unique" && mode !== "update" && mode !== "create" && !run.dryRun) {
    const outcomes = await writeBatch(run, "records", rows.length, () =>
      run.client.createOrUpdate(target.type.apiType, rows.map((row) => ({ key: row.key, properties: row.properties })), { ...callOptions(run), idProperty: match.property }),
    );
    for (const outcome of outcomes) results.set(outcome.key, resultOf(outcome));
    return results;
  } else if (match.kind === "unique" && mode === "update" && !run.dryRun) {
    const inputs: UpdateInput[] = [];
    for (const row of rows) {
      if (row.matchValue === undefined) results.set(row.key, emptyMatch(row, match.column));
      else inputs.push({ key: row.key, id: row.matchValue, properties: row.properties });
    }
    const outcomes = inputs.length === 0 ? [] : await writeBatch(run, "records", inputs.length, () => run.client.batchUpdate(target.type.apiType, inputs, { ...callOptions(run), idProperty: match.property }));
    for (const outcome of outcomes) {
      const row = rows.find((r) => r.key === outcome.key);
      if (outcome.status === "failed" && outcome.error?.category === "OBJECT_NOT_FOUND" && row !== undefined) results.set(outcome.key, notFound(row, `no ${target.type.storeType} has ${match.property} ${JSON.stringify(row.matchValue)}`));
      else results.set(outcome.key, resultOf(outcome));
    }
    return results;
  } else {
    // Look the records up first: by id, by a unique value (dry runs), or by search.
    const withValue = rows.filter((row) => row.matchValue !== undefined);
    const property = match.kind === "id" ? "hs_object_id" : match.property;
    const lookup = match.kind === "search" ? "search" : match.kind === "id" ? "id" : "unique";
    const found = await findRecords(run.client, { type: target.type.apiType, property, lookup, signal: run.signal }, withValue.map((row) => row.matchValue ?? ""));
    for (const row of rows) {
      const records = row.matchValue === undefined ? [] : (found.get(row.matchValue) ?? []);
      const [only] = records;
      if (records.length > 1) {
        const ids = records.map((r) => r.id).join(", ");
        results.set(row.key, failed("AMBIGUOUS_MATCH", `${records.length} ${target.type.storeType} have ${property} ${JSON.stringify(row.matchValue)} (ids ${ids}): the row cannot tell which to write. Match on a property with unique values.`));
      } else if (only !== undefined) {
        if (mode === "create") results.set(row.key, { status: "matched", id: hubSpotId(only.id) });
        else updates.push({ key: row.key, id: only.id, properties: row.properties });
      } else if (mode === "update") {
        results.set(row.key, row.matchValue === undefined ? emptyMatch(row, match.column) : notFound(row, `no ${target.type.storeType} has ${property} ${JSON.stringify(row.matchValue)}`));
      } else if (match.kind === "id" && row.matchValue !== undefined) {
        results.set(row.key, notFound(row, `HubSpot has no ${target.type.storeType} ${row.matchValue}`));
      } else {
        creates.push(row);
      }
    }
  }

  if (updates.length > 0) {
    if (run.dryRun) for (const input of updates) results.set(input.key, { status: "updated", id: hubSpotId(input.id) });
    else for (const outcome of await update(run, target, updates)) results.set(outcome.key, resultOf(outcome));
  }
  if (creates.length > 0) {
    if (run.dryRun) {
      for (const row of creates) results.set(row.key, { status: "created" });
    } else {
      const inputs: CreateInput[] = creates.map((row) => ({ key: row.key, properties: row.properties }));
      // With a unique match property, a create whose answer is lost is looked up before it is sent again.
      const verify = match.kind === "unique" ? { idProperty: match.property } : {};
      const outcomes = await writeBatch(run, "records", inputs.length, () => run.client.batchCreate(target.type.apiType, inputs, { ...callOptions(run), ...verify }));
      for (const outcome of outcomes) results.set(outcome.key, outcome.status === "conflict" && outcome.id !== undefined ? { status: "matched", id: outcome.id } : resultOf(outcome));
    }
  }
  return results;
}

function update(run: OutboundRun, target: OutboundTarget, inputs: readonly UpdateInput[]): Promise<WriteOutcome[]> {
  return writeBatch(run, "records", inputs.length, () => run.client.batchUpdate(target.type.apiType, inputs, callOptions(run)));
}

/** Runs one client write and reports it as a progress event. */
export async function writeBatch<T extends { status: string }>(run: OutboundRun, phase: "records" | "associations" | "list" | "archive", sent: number, write: () => Promise<T[]>): Promise<T[]> {
  const outcomes = await write();
  const failedCount = outcomes.filter((o) => o.status === "failed").length;
  run.emit({ kind: "batch", phase, sent, succeeded: outcomes.length - failedCount, failed: failedCount });
  return outcomes;
}

function resultOf(outcome: WriteOutcome): RecordResult {
  switch (outcome.status) {
    case "created":
    case "updated":
    case "unchanged":
      return outcome.id === undefined ? { status: outcome.status } : { status: outcome.status, id: outcome.id };
    case "conflict":
      // createOrUpdate turns conflicts into updates; one left over could not be updated.
      return { status: "failed", error: outcome.error ?? { category: "CONFLICT", message: "HubSpot reported a conflict." } };
    case "archived":
      return { status: "failed", error: { category: "UNEXPECTED", message: "HubSpot reported the record archived." } };
    case "failed":
      return { status: "failed", error: outcome.error ?? { category: "UNAVAILABLE", message: "HubSpot did not say why." } };
    default: {
      const exhaustive: never = outcome.status;
      return exhaustive;
    }
  }
}

const failed = (category: string, message: string): RecordResult => ({ status: "failed", error: { category, message } });
const notFound = (row: PlannedRow, why: string): RecordResult => failed("OBJECT_NOT_FOUND", `row "${row.key}" has no record to update: ${why} (mode update never creates records).`);
const emptyMatch = (row: PlannedRow, column: string): RecordResult => failed("NO_MATCH_VALUE", `row "${row.key}" cannot be matched: its column "${column}" is empty.`);
