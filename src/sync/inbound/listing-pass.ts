import { compareIds, type HubSpotPage, type HubSpotRecord, type SearchFilterGroup } from "../../hubspot/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { runId } from "../../core/ids.ts";
import type { StoreTx } from "../../store/index.ts";
import { classifyRecords } from "./classify-records.ts";
import { commitPage, type PageWrite } from "./commit-page.ts";
import { streamPageRead } from "./page-progress.ts";
import { historyEntries, modifiedAtOf } from "./record-input.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { ListingState, StreamCursor } from "./stream-cursor.ts";
import type { StreamState } from "./stream-state.ts";

/** A page of a listing pass and the position after it. */
interface ListingPage extends HubSpotPage<HubSpotRecord> {
  position: Pick<ListingState, "after" | "lastId" | "exhausted">;
}

/**
 * Reads every record of the stream — a full refresh, an incremental stream's first backfill,
 * or a client-side incremental read — page by page, each page committed with the pass's
 * position, so a stopped pass resumes at its next page (with the same sweep mark).
 *
 * Mode `all` writes every matching record and stamps it with the pass's mark; when the pass
 * has read everything (and `beforeSweep` has marked the archived ones), rows without the mark
 * are gone from HubSpot and are marked deleted (mark-and-sweep), in the transaction that
 * completes the pass. Mode `changed` writes only
 * records modified since the cursor's high-water mark (minus the overlap) that differ from
 * their row, and sweeps nothing.
 */
export async function runListingPass(ctx: RunContext, state: StreamState, listing: ListingState, beforeSweep: () => Promise<void>): Promise<void> {
  const { prepared } = state;
  const mark = runId(listing.mark);
  let current = listing;
  if (!current.exhausted) {
    for await (const page of resumable(ctx, state, current)) {
      checkAborted(ctx);
      const writtenBefore = state.counter.written;
      const next: ListingState = { ...current, ...page.position, fetched: current.fetched + page.results.length };
      const write = current.mode === "all" ? writeAll(state, page.results) : await writeChanged(ctx, state, page.results);
      await commitPage(ctx, state, { ...write, cursor: { ...state.cursor, listing: next }, mark });
      current = next;
      streamPageRead(ctx, state, page.results.length, writtenBefore);
    }
  }
  // Archived records are marked first, so they leave as archived (with HubSpot's archive time), not as swept.
  await beforeSweep();
  const { store, portal } = ctx;
  const type = prepared.plan.type.storeType;
  const sweep = async (tx: StoreTx, at: string): Promise<number> => {
    const swept = await store.sweepUnseen(tx, portal, type, mark, at);
    for (const id of swept) {
      state.audit.note({ level: "info", recordId: id, action: "swept", message: "Not in HubSpot any more (missing from a complete read): marked deleted" });
    }
    return swept.length;
  };
  await commitPage(ctx, state, {
    upserts: [],
    leavers: [],
    history: [],
    mark,
    cursor: completedCursor(ctx, state, current),
    ...(current.mode === "all" ? { finish: sweep } : {}),
  });
}

function writeAll(state: StreamState, records: readonly HubSpotRecord[]): Omit<PageWrite, "cursor" | "mark"> {
  const { prepared } = state;
  const upserts: HubSpotRecord[] = [];
  const leavers: string[] = [];
  for (const record of records) {
    if (prepared.matches(record.properties)) upserts.push(record);
    else leavers.push(record.id);
  }
  return { upserts, leavers, history: upserts.flatMap((r) => historyEntries(r, prepared.history)) };
}

async function writeChanged(ctx: RunContext, state: StreamState, records: readonly HubSpotRecord[]): Promise<Omit<PageWrite, "cursor" | "mark">> {
  const { prepared } = state;
  const since = (state.cursor.highWater ?? Number.NEGATIVE_INFINITY) - ctx.engine.overlapMs;
  const candidates = records.filter((record) => {
    const at = modifiedAtOf(record, prepared.plan.modifiedDateProperty);
    return Number.isNaN(at) || at >= since;
  });
  const { upserts, leavers } = await classifyRecords(ctx, state, candidates);
  return { upserts, leavers, history: upserts.flatMap((r) => historyEntries(r, prepared.history)) };
}

/** The cursor once a pass has read everything: where the stream's next run starts. */
function completedCursor(ctx: RunContext, state: StreamState, listing: ListingState): StreamCursor {
  const { prepared } = state;
  const cursor: StreamCursor = { version: 1, configHash: prepared.configHash, lastListingAt: ctx.clock.now() };
  switch (prepared.plan.strategy) {
    case "incremental":
      // Anything modified after this was either read by the pass or is left to the next search.
      cursor.since = { modifiedAt: listing.startedAt - ctx.engine.overlapMs, id: null };
      break;
    case "client_incremental":
      cursor.highWater = listing.startedAt;
      break;
    case "full_refresh":
      break;
  }
  return cursor;
}

/**
 * The pass's pages from where it stopped. HubSpot's list positions are opaque: one it no
 * longer accepts (400) restarts the pass from the first page with the same mark — records
 * read twice are written twice, none is missed, and the sweep stays right.
 */
async function* resumable(ctx: RunContext, state: StreamState, listing: ListingState): AsyncGenerator<ListingPage> {
  if (listing.source !== "list" || listing.after === undefined) {
    yield* listingPages(ctx, state, listing);
    return;
  }
  const pages = listingPages(ctx, state, listing)[Symbol.asyncIterator]();
  let first: IteratorResult<ListingPage>;
  try {
    first = await pages.next();
  } catch (error) {
    if (!(error instanceof HubsyncError) || error.code !== "HUBSPOT_BAD_REQUEST") throw error;
    await ctx.store.appendAudit([
      { runId: ctx.runId, stream: state.prepared.plan.name, level: "warn", action: "listing_restarted", message: "HubSpot no longer accepts the saved list position: the read starts again from the first page", details: { error: error.message } },
    ]);
    const { after: _after, ...restart } = listing;
    yield* listingPages(ctx, state, restart);
    return;
  }
  if (first.done === true) return;
  yield first.value;
  yield* { [Symbol.asyncIterator]: () => pages };
}

async function* listingPages(ctx: RunContext, state: StreamState, listing: ListingState): AsyncGenerator<ListingPage> {
  const { prepared } = state;
  const { apiType } = prepared.plan.type;
  if (listing.source === "list") {
    const pages = ctx.client.listObjects(apiType, {
      ...readOptions(ctx),
      properties: prepared.properties,
      propertiesWithHistory: prepared.history,
      pageSize: prepared.plan.pageSize,
      ...(listing.after === undefined ? {} : { after: listing.after }),
    });
    for await (const page of pages) {
      yield { results: page.results, position: page.next === undefined ? { exhausted: true } : { after: page.next, exhausted: false } };
    }
    return;
  }
  // A filtered backfill through search: ids ascend, so the last id read is the position.
  const window: SearchFilterGroup[] = (prepared.pushdown ?? []).map((group) => ({
    filters: [...group.filters, ...(listing.lastId === undefined ? [] : [{ propertyName: "hs_object_id", operator: "GT" as const, value: listing.lastId }])],
  }));
  let lastId = listing.lastId;
  for await (const page of ctx.client.searchObjects(apiType, { ...readOptions(ctx), filterGroups: window, properties: prepared.properties })) {
    for (const record of page.results) if (lastId === undefined || compareIds(record.id, lastId) > 0) lastId = record.id;
    yield { results: page.results, position: { lastId, exhausted: false } };
  }
}
