import { hubSpotId } from "../../core/ids.ts";
import { compareIds, type HubSpotRecord, type ModifiedCursor } from "../../hubspot/index.ts";
import type { PropertyHistoryInput } from "../../store/index.ts";
import { classifyRecords } from "./classify-records.ts";
import { commitPage } from "./commit-page.ts";
import { streamPageRead } from "./page-progress.ts";
import { historyEntries } from "./record-input.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { CursorPosition } from "./stream-cursor.ts";
import type { StreamState } from "./stream-state.ts";

/**
 * An incremental run: HubSpot's search for records modified after the cursor, in (modified
 * date, id) order and past the 10,000-result cap (the client windows the search). Each page is
 * compared with the stored rows (only real changes are written) and committed with the cursor
 * just past it — but the cursor never passes the run's start minus the overlap window: a
 * change search did not show yet (index lag) is then read by the next run (pitfall 1).
 * The filter is applied here, not in the search, so a record that stops matching is seen
 * and leaves the mirror.
 */
export async function runIncrementalPass(ctx: RunContext, state: StreamState, since: CursorPosition): Promise<void> {
  const { prepared } = state;
  const { plan } = prepared;
  const cap: ModifiedCursor = { modifiedAt: ctx.startedAt - ctx.engine.overlapMs, id: null };
  let position: CursorPosition = since;
  const pages = ctx.client.searchModifiedSince(plan.type.apiType, {
    ...readOptions(ctx),
    since: { modifiedAt: since.modifiedAt, id: since.id === null ? null : hubSpotId(since.id) },
    properties: prepared.properties,
    modifiedProperty: plan.modifiedDateProperty,
  });
  for await (const page of pages) {
    checkAborted(ctx);
    const writtenBefore = state.counter.written;
    const { upserts, leavers } = await classifyRecords(ctx, state, page.results);
    const history = prepared.history.length > 0 && upserts.length > 0 ? await readHistory(ctx, state, upserts) : [];
    const next = latest(position, atMost(page.cursor, cap));
    if (upserts.length > 0 || leavers.length > 0 || !samePosition(next, position)) {
      await commitPage(ctx, state, { upserts, leavers, history, mark: ctx.runId, cursor: { ...state.cursor, since: next } });
      position = next;
    } else {
      await ctx.lease.keepAlive();
    }
    streamPageRead(ctx, state, page.results.length, writtenBefore);
  }
}

/** Search returns no history: it is read for the changed records only, in batches. */
async function readHistory(ctx: RunContext, state: StreamState, records: readonly HubSpotRecord[]): Promise<PropertyHistoryInput[]> {
  const { prepared } = state;
  const entries: PropertyHistoryInput[] = [];
  const pages = ctx.client.batchRead(prepared.plan.type.apiType, records.map((r) => r.id), {
    ...readOptions(ctx),
    properties: ["hs_object_id"],
    propertiesWithHistory: prepared.history,
  });
  for await (const page of pages) for (const record of page.results) entries.push(...historyEntries(record, prepared.history));
  return entries;
}

function atMost(position: CursorPosition, cap: CursorPosition): CursorPosition {
  return compare(position, cap) <= 0 ? position : cap;
}

function latest(a: CursorPosition, b: CursorPosition): CursorPosition {
  return compare(a, b) >= 0 ? a : b;
}

/** Orders positions; `id: null` at an instant comes before every id at it (nothing of it read yet). */
function compare(a: CursorPosition, b: CursorPosition): number {
  if (a.modifiedAt !== b.modifiedAt) return a.modifiedAt - b.modifiedAt;
  if (a.id === b.id) return 0;
  if (a.id === null) return -1;
  if (b.id === null) return 1;
  return compareIds(a.id, b.id);
}

function samePosition(a: CursorPosition, b: CursorPosition): boolean {
  return compare(a, b) === 0;
}
