import type { HubsyncConfig, InboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { RunCounts, RunError, RunStatus } from "../../store/index.ts";
import { asHubsyncError, stopsTheRun } from "./as-hubsync-error.ts";
import type { InboundDeps, InboundProgress, InboundRunOptions, InboundRunSummary, RunInboundSync, StreamSummary } from "./inbound-contract.ts";
import { resolveEngineOptions } from "./inbound-engine-options.ts";
import type { RunContext } from "./run-context.ts";
import { runStream } from "./run-stream.ts";
import { runStreams } from "./run-streams.ts";
import { progressEmitter, startSyncRun } from "./start-sync-run.ts";
import { TypeCatalog } from "./type-catalog.ts";

/**
 * Runs one inbound sync once: takes the sync's lock (SYNC_ALREADY_RUNNING if another run
 * holds it), records a run, reads each stream in order, and finishes the run. Failures
 * before a run exists (unknown sync, lock held, store unusable) come back as errors; once the
 * run exists, the summary comes back — its `status` is `failed` (a stream failed; the others
 * still ran unless the failure concerned them all) or `cancelled` (the signal fired), with
 * the failure in `error`. A stopped run resumes at its last committed page next time.
 */
export const runInboundSync: RunInboundSync = async (deps, config, syncName, options = {}) => {
  const sync = config.inbound.find((s) => s.name === syncName);
  if (sync === undefined) {
    return err(new HubsyncError("SYNC_NOT_FOUND", `No inbound sync named ${syncName}.`, { subject: syncName, fix: `Inbound syncs in the config: ${config.inbound.map((s) => s.name).join(", ") || "(none)"}.` }));
  }
  const setup = prepare(deps, config, sync, options);
  if (!setup.ok) return setup;
  const client = setup.value;
  const engine = resolveEngineOptions(deps.engine);
  const { store, clock } = deps;

  const started = await startSyncRun(store, sync.name, clock, engine);
  if (!started.ok) return started;
  const { lease, run } = started.value;

  const emit = progressEmitter<InboundProgress>(options.onProgress, deps.logger, "inbound");
  const before = client.stats();
  const startedAt = clock.now();
  const summaries: StreamSummary[] = [];
  const errors: RunError[] = [];
  let stopped: HubsyncError | undefined;
  let firstError: HubsyncError | undefined;
  const counts: RunCounts = {};
  const progress = async (): Promise<void> => {
    const result = await store.recordRunProgress(run.id, { counts, apiCalls: client.stats().totalCalls - before.totalCalls, errors });
    if (!result.ok) deps.logger.warn({ err: result.error }, "inbound: could not record run progress");
  };

  try {
    const portal = (await client.tokenInfo(options.signal === undefined ? {} : { signal: options.signal })).hubId;
    const catalog = new TypeCatalog(client, options.signal);
    const ctx: RunContext = {
      store,
      client,
      clock,
      logger: deps.logger.child({ sync: sync.name, run: run.id }),
      engine,
      sync,
      portal,
      runId: run.id,
      startedAt,
      full: options.full === true,
      signal: options.signal,
      lease,
      catalog,
      emit,
      rateWaitedMs: before.rateLimitWaitedMs,
    };
    const streams = await runStreams(sync, catalog, options.streams);
    emit({ kind: "run-started", runId: run.id, sync: sync.name, streams: streams.map((s) => s.name) });
    for (const stream of streams) {
      const outcome = await runStream(ctx, stream);
      summaries.push(outcome.summary);
      for (const [field, value] of Object.entries(outcome.summary)) if (typeof value === "number") counts[`${stream.name}.${field}`] = value;
      if (outcome.error !== undefined) {
        firstError ??= outcome.error;
        errors.push({ message: outcome.error.message, code: outcome.error.code, stream: stream.name });
        if (stopsTheRun(outcome.error.code)) {
          stopped = outcome.error;
          break;
        }
      }
      await progress();
    }
  } catch (error) {
    stopped = asHubsyncError(error);
    firstError ??= stopped;
    errors.push({ message: stopped.message, code: stopped.code });
  }

  const failure = stopped ?? firstError;
  const status: RunStatus = failure?.code === "SYNC_ABORTED" ? "cancelled" : failure === undefined ? "succeeded" : "failed";
  const after = client.stats();
  const apiCalls = after.totalCalls - before.totalCalls;
  const finished = await store.transitionRun(run.id, status, { counts, apiCalls, errors, errorMessage: failure === undefined ? null : `${failure.code}: ${failure.message}` }).catch((error: unknown) => err(asHubsyncError(error)));
  if (!finished.ok) deps.logger.error({ err: finished.error, run: run.id }, "inbound: could not record the end of the run");
  await lease.release();

  const summary: InboundRunSummary = {
    runId: run.id,
    sync: sync.name,
    status,
    startedAt,
    finishedAt: clock.now(),
    streams: summaries,
    apiCalls,
    rateLimitWaits: after.rateLimitWaits - before.rateLimitWaits,
    rateLimitWaitMs: after.rateLimitWaitedMs - before.rateLimitWaitedMs,
  };
  if (failure !== undefined) {
    summary.error = { code: failure.code, message: failure.message };
    if (failure.details.fix !== undefined) summary.error.fix = failure.details.fix;
  }
  emit({ kind: "run-finished", summary });
  return ok(summary);
};

/** The sync's connection and client, and a check of the stream names asked for. */
function prepare(deps: InboundDeps, config: HubsyncConfig, sync: InboundSyncConfig, options: InboundRunOptions): Result<HubSpotClient, HubsyncError> {
  const connection = config.connections.find((c) => c.name === sync.connection);
  if (connection === undefined) {
    return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} names connection ${sync.connection}, which the config does not define.`, { subject: sync.connection }));
  }
  if (options.streams !== undefined) {
    const names = new Set(sync.streams.map((s) => s.name));
    const discovers = names.has("custom_objects");
    // A custom object found by `custom_objects` is only known once the run asks HubSpot.
    const unknown = options.streams.filter((name) => !names.has(name) && !discovers);
    if (unknown.length > 0) {
      return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} has no stream ${unknown.join(", ")}.`, { subject: unknown.join(", "), fix: `Streams of this sync: ${[...names].join(", ")}.` }));
    }
  }
  try {
    return ok(deps.hubspotFor(connection));
  } catch (error) {
    return err(asHubsyncError(error));
  }
}
