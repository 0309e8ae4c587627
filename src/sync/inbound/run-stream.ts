import type { AuditEntryInput } from "../../store/index.ts";
import { asHubsyncError } from "./as-hubsync-error.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { StreamPass, StreamSummary } from "./inbound-contract.ts";
import { syncLists } from "./lists-stream.ts";
import { syncObjectStream } from "./object-stream.ts";
import { syncOwners } from "./owners-stream.ts";
import { syncPipelines } from "./pipelines-stream.ts";
import type { RunContext } from "./run-context.ts";
import type { RunStream } from "./run-streams.ts";
import { StreamCounter } from "./stream-counter.ts";

export interface StreamOutcome {
  summary: StreamSummary;
  error?: HubsyncError;
}

/** Runs one stream; its failure is its outcome (the caller decides whether the run goes on). */
export async function runStream(ctx: RunContext, stream: RunStream): Promise<StreamOutcome> {
  const counter = new StreamCounter(stream.name, strategyOf(stream));
  let pass: StreamPass | undefined;
  let failure: HubsyncError | undefined;
  try {
    pass = await syncStream(ctx, stream, counter);
  } catch (error) {
    failure = asHubsyncError(error);
    counter.errors += 1;
  }
  const summary: StreamSummary = { ...counter.summary(), ...(pass === undefined ? {} : { pass }) };
  const entry: AuditEntryInput =
    failure === undefined
      ? { runId: ctx.runId, stream: stream.name, level: "info", action: "stream_finished", message: describe(summary), details: summary }
      : {
          runId: ctx.runId,
          stream: stream.name,
          level: failure.code === "SYNC_ABORTED" ? "warn" : "error",
          action: failure.code === "SYNC_ABORTED" ? "stream_stopped" : "stream_failed",
          message: `${failure.code}: ${failure.message}`,
          details: { code: failure.code, message: failure.message, fix: failure.details.fix, summary },
        };
  try {
    await ctx.store.appendAudit([entry]);
  } catch (error) {
    ctx.logger.warn({ err: error, stream: stream.name }, "inbound: could not write the stream's audit entry");
  }
  ctx.emit({ kind: "stream-finished", stream: stream.name, summary });
  return failure === undefined ? { summary } : { summary, error: failure };
}

async function syncStream(ctx: RunContext, stream: RunStream, counter: StreamCounter): Promise<StreamPass> {
  switch (stream.kind) {
    case "object":
      return syncObjectStream(ctx, stream, counter);
    case "unresolved":
      ctx.emit({ kind: "stream-started", stream: stream.name, strategy: stream.strategy });
      throw stream.error;
    case "owners":
      ctx.emit({ kind: "stream-started", stream: stream.name, strategy: counter.strategy, pass: "client_incremental" });
      await syncOwners(ctx, stream, counter);
      return "client_incremental";
    case "pipelines":
      ctx.emit({ kind: "stream-started", stream: stream.name, strategy: counter.strategy, pass: "client_incremental" });
      await syncPipelines(ctx, stream, counter);
      return "client_incremental";
    case "lists":
      ctx.emit({ kind: "stream-started", stream: stream.name, strategy: counter.strategy, pass: "client_incremental" });
      await syncLists(ctx, stream, counter);
      return "client_incremental";
  }
}

/** Owners, pipelines and lists cannot be filtered by change in HubSpot: read whole, written when changed. */
export function strategyOf(stream: RunStream): string {
  return stream.kind === "object" || stream.kind === "unresolved" ? stream.strategy : "client_incremental";
}

function describe(s: StreamSummary): string {
  return `${s.pass ?? s.strategy}: ${s.fetched} read, ${s.written} written, ${s.deleted} deleted, ${s.merged} merged, ${s.associationsChanged} association changes${s.columnsAdded > 0 ? `, ${s.columnsAdded} columns added` : ""}${s.warnings > 0 ? `, ${s.warnings} warnings` : ""}`;
}
