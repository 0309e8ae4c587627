import type { HubSpotId } from "../core/ids.ts";
import { compareIds } from "./compare-ids.ts";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import { modifiedAt, modifiedDateProperty } from "./modified-date.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { andFilters, roomForFilters, searchOnce, searchPageSize, type SearchFilter, type SearchFilterGroup } from "./search-call.ts";

/** A composite position in modified order: everything at or before (modifiedAt, id) has been read. */
export interface ModifiedCursor {
  /** Epoch ms. */
  modifiedAt: number;
  /** The last id read at `modifiedAt`; null when none at that instant was read yet. */
  id: HubSpotId | null;
}

export interface SearchModifiedSinceOptions extends ReadOptions {
  /** Read what comes after this position (default: from the beginning). */
  since?: ModifiedCursor;
  /** Properties to read; the modified-date property and `hs_object_id` are always added (the window needs them). */
  properties?: readonly string[];
  /** Further filters, ANDed with the window's own (two filters per group are reserved for it). */
  filterGroups?: readonly SearchFilterGroup[];
  pageSize?: number;
  /** Overrides the modified-date property (`lastmodifieddate` on contacts, `hs_lastmodifieddate` otherwise). */
  modifiedProperty?: string;
}

/** A page in (modified date, id) order and the cursor just past it, to commit with the page. */
export interface ModifiedPage extends HubSpotPage<HubSpotRecord> {
  cursor: ModifiedCursor;
}

interface Row {
  record: HubSpotRecord;
  at: number;
}

/** Everything up to the window's timestamp has been read, that instant included. */
const WHOLE_INSTANT = Symbol("whole instant");

/**
 * Records modified after `since`, in (modified date, id) order, past the 10,000-result cap of
 * one search (pitfall 2), with none lost or repeated where many records share a timestamp.
 *
 * Search allows one sort, so ties on the date come back in no promised order. Each page is a
 * new query `modified >= t` (no offsets, so the cap never applies and no record slips through
 * an offset shifted by concurrent edits). A page's instants before its last are complete —
 * the page is sorted — and are yielded in (date, id) order; the last instant may continue
 * on the next page, so it is read again by the next query. When one instant fills most of a
 * page, it is drained on its own: `modified = t AND hs_object_id > last`, sorted by id.
 */
export async function* searchModifiedSince(ctx: ReadContext, type: string, options: SearchModifiedSinceOptions = {}): AsyncGenerator<ModifiedPage> {
  const groups = options.filterGroups ?? [];
  if (!roomForFilters(groups, 2, ctx.limits)) {
    throw new HubsyncError("HUBSPOT_BAD_REQUEST", `The ${type} filter has too many filters for an incremental search: two per group are needed for the modified-date window (at most ${ctx.limits.searchMaxFiltersPerGroup} per group, ${ctx.limits.searchMaxFiltersTotal} in all).`, {
      fix: "Use fewer filters in each filter group of this sync.",
    });
  }
  const property = options.modifiedProperty ?? modifiedDateProperty(type);
  const limit = searchPageSize(ctx, options.pageSize);
  const properties = [...new Set([...(options.properties ?? []), property, "hs_object_id"])];
  const search = (filters: SearchFilter[], sortBy: string) =>
    searchOnce(ctx, type, { filterGroups: andFilters(groups, filters), sorts: [{ propertyName: sortBy, direction: "ASCENDING" }], properties, limit }, options.signal);
  const rowsOf = (records: HubSpotRecord[]): Row[] => records.map((record) => ({ record, at: modifiedAt(record, property) }));

  let at = options.since?.modifiedAt ?? 0;
  let afterId: string | null | typeof WHOLE_INSTANT = options.since?.id ?? null;
  const seen = (row: Row): boolean => row.at < at || (row.at === at && (afterId === WHOLE_INSTANT || (afterId !== null && compareIds(row.record.id, afterId) <= 0)));

  for (;;) {
    const page = await search([{ propertyName: property, operator: afterId === WHOLE_INSTANT ? "GT" : "GTE", value: String(at) }], property);
    const rows = rowsOf(page.results);
    const last = rows.at(-1);
    if (page.next === undefined || last === undefined) {
      const fresh = rows.filter((row) => !seen(row));
      if (fresh.length > 0) yield pageOf(fresh);
      return;
    }
    const head = rows.filter((row) => row.at < last.at && !seen(row));
    if (head.length > 0) yield pageOf(head);

    const tail = rows.filter((row) => row.at === last.at).length;
    if (tail * 2 < limit && last.at > at) {
      // The last instant is re-read whole by the next query.
      at = last.at;
      afterId = null;
      continue;
    }
    // One instant fills most of the page: drain it in id order, then move past it.
    let id = last.at === at && typeof afterId === "string" ? afterId : null;
    for (;;) {
      const filters: SearchFilter[] = [{ propertyName: property, operator: "EQ", value: String(last.at) }];
      if (id !== null) filters.push({ propertyName: "hs_object_id", operator: "GT", value: id });
      const block = await search(filters, "hs_object_id");
      const blockRows = rowsOf(block.results).filter((row) => row.at === last.at);
      if (blockRows.length > 0) {
        const blockPage = pageOf(blockRows);
        yield blockPage;
        id = blockPage.cursor.id;
      }
      if (block.next === undefined || blockRows.length === 0) break;
    }
    at = last.at;
    afterId = WHOLE_INSTANT;
  }
}

function pageOf(rows: Row[]): ModifiedPage {
  rows.sort((a, b) => a.at - b.at || compareIds(a.record.id, b.record.id));
  const last = rows[rows.length - 1];
  if (last === undefined) throw new Error("pageOf needs at least one row");
  return { results: rows.map((row) => row.record), cursor: { modifiedAt: last.at, id: last.record.id } };
}
