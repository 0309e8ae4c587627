import type { HubSpotRecord } from "../../hubspot/index.ts";
import type { StoredRecord } from "../../store/index.ts";
import { epochMs } from "./record-input.ts";
import type { RunContext } from "./run-context.ts";
import type { StreamState } from "./stream-state.ts";

/** What a page of re-readable records (search results, a client-side incremental read) changes. */
export interface Classified {
  /** New or changed records that match the filter. */
  upserts: HubSpotRecord[];
  /** Changed records that stopped matching the filter while their row is live. */
  leavers: string[];
}

/**
 * Compares records with their stored rows, so that reading a record again (the overlap
 * window, a resumed page, an unchanged record) writes nothing (pitfall 3). A record is written
 * only when it is newer than the row — later `updatedAt`, or the same instant with other
 * values on a live row — so a stale copy from a lagging search index never overwrites a newer
 * row, revives a record archived or merged since, or flips a filter decision back.
 */
export async function classifyRecords(ctx: RunContext, state: StreamState, records: readonly HubSpotRecord[]): Promise<Classified> {
  const { prepared } = state;
  const type = prepared.plan.type.storeType;
  const result: Classified = { upserts: [], leavers: [] };
  for (const record of records) {
    const stored = await ctx.store.getRecord(ctx.portal, type, record.id);
    if (stored !== undefined && !isNewer(record, stored)) continue;
    if (prepared.matches(record.properties)) result.upserts.push(record);
    else if (stored !== undefined && stored.deletedAt === null) result.leavers.push(record.id);
  }
  return result;
}

function isNewer(record: HubSpotRecord, stored: StoredRecord): boolean {
  const incoming = epochMs(record.updatedAt);
  const current = epochMs(stored.updatedAt);
  if (Number.isNaN(current) || Number.isNaN(incoming)) return true;
  if (incoming !== current) return incoming > current;
  return stored.deletedAt === null && !sameValues(record.properties, stored.properties);
}

function sameValues(a: Readonly<Record<string, string | null>>, b: Readonly<Record<string, string | null>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && (a[key] ?? null) === (b[key] ?? null));
}
