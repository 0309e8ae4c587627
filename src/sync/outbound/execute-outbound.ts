import type { HubsyncConfig, OutboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { callKinds, type CallKind, type HubSpotClient, type HubSpotClientStats } from "../../hubspot/index.ts";
import type { RunStatus } from "../../store/index.ts";
import { asHubsyncError } from "../inbound/as-hubsync-error.ts";
import { resolveEngineOptions } from "../inbound/inbound-engine-options.ts";
import { progressEmitter, startSyncRun } from "../inbound/start-sync-run.ts";
import { archivePhase } from "./archive-phase.ts";
import { associationsPhase } from "./associations-phase.ts";
import { listPhase } from "./list-phase.ts";
import type { OutboundDeps, OutboundPhase, OutboundProgress, OutboundRunOptions, OutboundRunSummary } from "./outbound-contract.ts";
import { RunAudit, type OutboundRun } from "./outbound-run.ts";
import { outboundTunables } from "./outbound-tunables.ts";
import { pendingFromStored, type PendingRow } from "./pending-row.ts";
import { prepareTarget } from "./prepare-target.ts";
import { recordsPhase, type RecordsOutcome } from "./records-phase.ts";
import { TargetResolver } from "./resolve-targets.ts";
import { RunTally } from "./run-tally.ts";

const writeKinds: ReadonlySet<CallKind> = new Set(["create", "update", "upsert", "archive", "association-write", "list-write", "metadata-write"]);

/** What kind of run: a regular one, or one that re-resolves every row's associations. */
export interface ExecuteMode {
  reassociate: boolean;
}

/**
 * One outbound run, start to end: takes the sync's lock (SYNC_ALREADY_RUNNING when another
 * run holds it), records a run, runs the phases — schema, records, associations, list,
 * archive — and finishes the run. Failures before the run exists come back as errors; after
 * that the summary comes back, with `status` failed or cancelled and the failure in `error`.
 * Per-row failures do not fail the run: they are counted, and in the audit log.
 */
export async function executeOutbound(deps: OutboundDeps, config: HubsyncConfig, syncName: string, options: OutboundRunOptions, mode: ExecuteMode): Promise<Result<OutboundRunSummary, HubsyncError>> {
  const sync = config.outbound.find((s) => s.name === syncName);
  if (sync === undefined) {
    return err(new HubsyncError("SYNC_NOT_FOUND", `No outbound sync named ${syncName}.`, { subject: syncName, fix: `Outbound syncs in the config: ${config.outbound.map((s) => s.name).join(", ") || "(none)"}.` }));
  }
  const client = clientFor(deps, config, sync);
  if (!client.ok) return client;
  const engine = resolveEngineOptions(deps.engine);
  const { store, clock } = deps;
  const started = await startSyncRun(store, sync.name, clock, engine);
  if (!started.ok) return started;
  const { lease, run } = started.value;

  const dryRun = options.dryRun ?? sync.dryRun;
  const emit = progressEmitter<OutboundProgress>(options.onProgress, deps.logger, "outbound");
  const before = client.value.stats();
  let waited = before.rateLimitWaitedMs;
  const startedAt = clock.now();
  const tally = new RunTally();
  const audit = new RunAudit(run.id, engine.auditRecordLimit);
  const logger = deps.logger.child({ sync: sync.name, run: run.id });
  const ctx: Omit<OutboundRun, "portal"> = {
    store,
    client: client.value,
    clock,
    logger,
    engine,
    config,
    sync,
    runId: run.id,
    dryRun,
    full: options.full === true,
    reassociate: mode.reassociate,
    signal: options.signal,
    lease,
    tally,
    audit,
    emit,
    reportRateWaits: () => {
      const now = client.value.stats().rateLimitWaitedMs;
      if (now > waited) emit({ kind: "rate-limit-wait", ms: now - waited });
      waited = now;
    },
  };
  emit({ kind: "run-started", runId: run.id, sync: sync.name, dryRun });
  const progress = async (): Promise<void> => {
    const recorded = await store.recordRunProgress(run.id, { counts: tally.counts(), apiCalls: client.value.stats().totalCalls - before.totalCalls });
    if (!recorded.ok) logger.warn({ err: recorded.error }, "outbound: could not record run progress");
  };

  let failure: HubsyncError | undefined;
  try {
    const portal = (await client.value.tokenInfo(options.signal === undefined ? {} : { signal: options.signal })).hubId;
    await phases({ ...ctx, portal });
  } catch (error) {
    failure = asHubsyncError(error);
    await audit.flush(store).catch(() => undefined);
  }
  await progress();

  const status: RunStatus = failure?.code === "SYNC_ABORTED" ? "cancelled" : failure === undefined ? "succeeded" : "failed";
  const after = client.value.stats();
  const apiCalls = after.totalCalls - before.totalCalls;
  const closing = audit.overflow();
  if (dryRun && failure === undefined) {
    closing.push({ runId: run.id, stream: "plan", level: "info", action: "plan", message: planLine(tally), details: tally.plan });
  }
  await store.appendAudit(closing).catch((error: unknown) => logger.warn({ err: error }, "outbound: could not write the closing audit entries"));
  const errors = failure === undefined ? [] : [{ message: failure.message, code: failure.code }];
  const finished = await store
    .transitionRun(run.id, status, { counts: tally.counts(), apiCalls, errors, errorMessage: failure === undefined ? null : `${failure.code}: ${failure.message}` })
    .catch((error: unknown) => err(asHubsyncError(error)));
  if (!finished.ok) logger.error({ err: finished.error, run: run.id }, "outbound: could not record the end of the run");
  await lease.release();

  const summary: OutboundRunSummary = {
    runId: run.id,
    sync: sync.name,
    status,
    dryRun,
    startedAt,
    finishedAt: clock.now(),
    rowsRead: tally.rowsRead,
    rowsInvalid: tally.rowsInvalid,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    failed: tally.failed,
    archived: tally.archived,
    associationsCreated: tally.associationsCreated,
    associationsRemoved: tally.associationsRemoved,
    listAdded: tally.listAdded,
    listRemoved: tally.listRemoved,
    orphans: tally.orphans,
    apiCalls,
    writeCalls: writeCallsBetween(before, after),
    plan: tally.plan,
  };
  if (failure !== undefined) {
    summary.error = { code: failure.code, message: failure.message };
    if (failure.details.fix !== undefined) summary.error.fix = failure.details.fix;
  }
  emit({ kind: "run-finished", summary });
  return ok(summary);
}

async function phases(run: OutboundRun): Promise<void> {
  const start = (phase: OutboundPhase): void => run.emit({ kind: "phase-started", phase });
  start("schema");
  const prepared = await prepareTarget({ client: run.client, sync: run.sync, dryRun: run.dryRun, signal: run.signal });
  const target = prepared.target;
  for (const note of prepared.notes) {
    const level = note.action === "match_not_unique" ? "warn" : "info";
    if (level === "warn") run.logger.warn({ fix: note.fix }, `outbound: ${note.message}`);
    run.audit.note("schema", { level, action: note.action, message: note.message, ...(note.fix === undefined ? {} : { details: { fix: note.fix } }) });
    run.tally.sample("schema", note.message);
  }
  await run.audit.flush(run.store);

  // One per run: the records phase looks other types' targets up ahead, the associations phase uses the answers.
  const resolver = new TargetResolver(run.client, run.signal);
  let records: RecordsOutcome;
  try {
    start("records");
    records = await recordsPhase(run, target, resolver);
    if (target.associations.length > 0) {
      start("associations");
      await associationsPhase(run, target, pendingChunks(run, records), resolver);
    }
  } finally {
    // A run that stops leaves no look-up running behind it.
    await resolver.idle();
  }
  const complete = records.unreadable === 0;
  if (!complete && (run.sync.list !== undefined || run.sync.mode === "mirror")) {
    run.audit.note("records", {
      level: "warn",
      action: "removals_skipped",
      message: `${records.unreadable} source rows could not be read: nothing is removed from the list or archived this run (a row that could not be read is not a row that left)`,
    });
  }
  if (run.sync.list !== undefined) {
    start("list");
    await listPhase(run, target, records, complete);
  }
  if (run.sync.mode === "mirror" && complete) {
    start("archive");
    await archivePhase(run, target, records);
  }
  await run.audit.flush(run.store);
}

/**
 * The rows whose associations the run works on, a chunk at a time: those the records phase
 * left pending (this run's changed rows) and the rows still orphaned; with `reassociate`,
 * every row the source had that has a record, orphaned ones first. Dry runs take the changed
 * rows from memory (nothing was stored).
 */
async function* pendingChunks(run: OutboundRun, records: RecordsOutcome): AsyncGenerator<PendingRow[]> {
  const size = outboundTunables.associationChunkRows;
  const { store, sync, portal } = run;
  if (run.dryRun) {
    const pending = new Map(records.dryPending.map((row) => [row.rowKey, row]));
    for (let start = 0; start < records.dryPending.length; start += size) yield records.dryPending.slice(start, start + size);
    const others = { portal, withRecord: true, statuses: ["synced", "failed"] as const, pageSize: size, ...(run.reassociate ? {} : { orphaned: true }) };
    for await (const page of store.scanOutboundRows(sync.name, others)) {
      yield page.filter((row) => records.dryKeys.has(row.rowKey) && !pending.has(row.rowKey)).map(pendingFromStored);
    }
    return;
  }
  if (!run.reassociate) {
    // This run's changed rows, then the rows still orphaned from earlier runs (their targets may exist now).
    const done = new Set<string>();
    for await (const page of store.scanOutboundRows(sync.name, { portal, pendingIn: run.runId, pageSize: size })) {
      for (const row of page) done.add(row.rowKey);
      yield page.map(pendingFromStored);
    }
    const orphans = { portal, withRecord: true, statuses: ["synced", "failed"] as const, seenIn: { run: run.runId, seen: true }, orphaned: true, pageSize: size };
    for await (const page of store.scanOutboundRows(sync.name, orphans)) yield page.filter((row) => !done.has(row.rowKey)).map(pendingFromStored);
    return;
  }
  for (const orphaned of [true, false]) {
    const query = { portal, withRecord: true, statuses: ["synced", "failed"] as const, seenIn: { run: run.runId, seen: true }, orphaned, pageSize: size };
    for await (const page of store.scanOutboundRows(sync.name, query)) yield page.map(pendingFromStored);
  }
}

function clientFor(deps: OutboundDeps, config: HubsyncConfig, sync: OutboundSyncConfig): Result<HubSpotClient, HubsyncError> {
  const connection = config.connections.find((c) => c.name === sync.connection);
  if (connection === undefined) {
    return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} names connection ${sync.connection}, which the config does not define.`, { subject: sync.connection }));
  }
  try {
    return ok(deps.hubspotFor(connection));
  } catch (error) {
    return err(asHubsyncError(error));
  }
}

function writeCallsBetween(before: HubSpotClientStats, after: HubSpotClientStats): number {
  return callKinds.filter((kind) => writeKinds.has(kind)).reduce((sum, kind) => sum + after.calls[kind] - before.calls[kind], 0);
}

function planLine(tally: RunTally): string {
  const { plan } = tally;
  return `dry run: would create ${plan.creates}, update ${plan.updates}, leave ${plan.unchanged} unchanged, archive ${plan.archives}; associations +${plan.associationsToCreate} −${plan.associationsToRemove}; list +${plan.listAdds} −${plan.listRemoves}`;
}

