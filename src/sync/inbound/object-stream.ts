import type { CursorKey } from "../../store/index.ts";
import { sweepArchived } from "./archived-sweep.ts";
import type { StreamPass } from "./inbound-contract.ts";
import { runIncrementalPass } from "./incremental-pass.ts";
import { runListingPass } from "./listing-pass.ts";
import { prepareObjectStream, type PreparedObjectStream } from "./prepare-object-stream.ts";
import type { RunContext } from "./run-context.ts";
import type { ObjectStreamPlan } from "./run-streams.ts";
import { StreamAudit } from "./stream-audit.ts";
import type { StreamCounter } from "./stream-counter.ts";
import { readStreamCursor, type ListingState, type StreamCursor } from "./stream-cursor.ts";
import type { StreamState } from "./stream-state.ts";
import { syncAssociations } from "./sync-associations.ts";

/**
 * One object stream's run: schema drift first, then the read its strategy and cursor call
 * for (a listing pass to start, resume or repeat; or an incremental search), then the
 * archived sweep, then associations. Returns the pass it made, for the summary.
 */
export async function syncObjectStream(ctx: RunContext, plan: ObjectStreamPlan, counter: StreamCounter): Promise<StreamPass> {
  const prepared = await prepareObjectStream(ctx, plan, counter);
  const key: CursorKey = { sync: ctx.sync.name, stream: plan.name, portal: ctx.portal };
  const stored = await ctx.store.getCursor(key);
  let cursor: StreamCursor | undefined;
  try {
    cursor = readStreamCursor(stored?.cursor, prepared.configHash);
  } catch (error) {
    // A full run starts over anyway: an unreadable cursor is replaced, not read.
    if (!ctx.full) throw error;
  }
  if (cursor !== undefined && cursor.configHash !== prepared.configHash) {
    await ctx.store.appendAudit([
      { runId: ctx.runId, stream: plan.name, level: "info", action: "config_changed", message: "The stream's strategy, properties, filters or history changed since its last run: it is read again from the start" },
    ]);
    cursor = undefined;
  }
  const audit = new StreamAudit(ctx.runId, plan.name, ctx.engine.auditRecordLimit);
  const state: StreamState = {
    prepared,
    key,
    version: stored?.version ?? 0,
    cursor: cursor ?? { version: 1, configHash: prepared.configHash },
    counter,
    audit,
    fetchedSoFar: 0,
  };

  const listing = await listingToRun(ctx, state, cursor);
  const archived = async (): Promise<void> => {
    if (plan.archived) await sweepArchived(ctx, state);
  };
  let pass: StreamPass;
  if (listing !== undefined) {
    pass = passOf(plan, listing, cursor);
    ctx.emit({ kind: "stream-started", stream: plan.name, strategy: plan.strategy, pass });
    await runListingPass(ctx, state, listing, archived);
  } else {
    pass = "incremental";
    ctx.emit({ kind: "stream-started", stream: plan.name, strategy: plan.strategy, pass });
    await runIncrementalPass(ctx, state, state.cursor.since ?? { modifiedAt: 0, id: null });
    await archived();
  }
  for (const toName of plan.associations) await syncAssociations(ctx, state, toName);
  const overflow = audit.overflow();
  if (overflow !== undefined) await ctx.store.appendAudit([overflow]);
  return pass;
}

/** The listing pass this run makes (resumed or new), or undefined for an incremental search. */
async function listingToRun(ctx: RunContext, state: StreamState, cursor: StreamCursor | undefined): Promise<ListingState | undefined> {
  const { plan } = state.prepared;
  const inProgress = cursor?.listing;
  if (ctx.full) return inProgress?.full === true ? inProgress : await newListing(ctx, state.prepared, "all", true);
  if (inProgress !== undefined) return inProgress;
  switch (plan.strategy) {
    case "full_refresh":
      return newListing(ctx, state.prepared, "all", false);
    case "incremental":
      return cursor?.since === undefined ? newListing(ctx, state.prepared, "all", false) : undefined;
    case "client_incremental":
      return newListing(ctx, state.prepared, cursor?.highWater === undefined ? "all" : "changed", false);
  }
}

/**
 * A new pass. It reads through search (only matching records) when that is exact and safe:
 * the filter translates to search, no history is wanted (search has none), and the table is
 * still empty — a first backfill, where a record search has not indexed yet is picked up by
 * the next run. Every other pass reads the list endpoint, which sees every record as it is.
 */
async function newListing(ctx: RunContext, prepared: PreparedObjectStream, mode: ListingState["mode"], full: boolean): Promise<ListingState> {
  const base = { startedAt: ctx.clock.now(), mark: ctx.runId, mode, full, fetched: 0, exhausted: false };
  const { limits } = ctx.client;
  const pushdown = prepared.pushdown;
  const fits = pushdown !== undefined && pushdown.every((g) => g.filters.length + 2 <= limits.searchMaxFiltersPerGroup) && pushdown.reduce((n, g) => n + g.filters.length + 2, 0) <= limits.searchMaxFiltersTotal;
  if (mode === "all" && fits && prepared.history.length === 0) {
    const rows = await ctx.store.countRows(ctx.portal, prepared.plan.type.storeType, { includeDeleted: true });
    if (rows === 0) return { ...base, source: "search" };
  }
  return { ...base, source: "list" };
}

function passOf(plan: ObjectStreamPlan, listing: ListingState, cursor: StreamCursor | undefined): StreamPass {
  if (listing.full) return "full_refresh";
  switch (plan.strategy) {
    case "full_refresh":
      return "full_refresh";
    case "incremental":
      return "backfill";
    case "client_incremental":
      return cursor?.highWater === undefined && listing.mode === "all" ? "backfill" : "client_incremental";
  }
}
