import { HubsyncError } from "../core/hubsync-error.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { andFilters, roomForFilters, searchOnce, searchPageSize, type SearchBody, type SearchFilterGroup, type SearchSort } from "./search-call.ts";

export interface SearchObjectsOptions extends ReadOptions {
  filterGroups?: readonly SearchFilterGroup[];
  /** One sort rule at most. With a sort, results end at the search cap (10,000): see below. */
  sorts?: readonly SearchSort[];
  properties?: readonly string[];
  query?: string;
  pageSize?: number;
}

/**
 * Every record a search matches, page by page. Without a sort, it reads in id order and
 * starts each page as a new query `hs_object_id > last id`, so the 10,000-result cap of one
 * query never applies (pitfall 2). With a sort that cannot be done; reading past the cap then
 * fails with HUBSPOT_BAD_REQUEST rather than silently stopping short.
 */
export async function* searchObjects(ctx: ReadContext, type: string, options: SearchObjectsOptions = {}): AsyncGenerator<HubSpotPage<HubSpotRecord>> {
  const groups = options.filterGroups ?? [];
  const limit = searchPageSize(ctx, options.pageSize);
  const base: Omit<SearchBody, "filterGroups" | "sorts" | "limit"> = { properties: [...(options.properties ?? [])] };
  if (options.query !== undefined) base.query = options.query;
  const sorted = (options.sorts?.length ?? 0) > 0;

  if (!sorted && roomForFilters(groups, 1, ctx.limits)) {
    let lastId: string | undefined;
    for (;;) {
      const window = lastId === undefined ? [...groups] : andFilters(groups, [{ propertyName: "hs_object_id", operator: "GT", value: lastId }]);
      const page = await searchOnce(ctx, type, { ...base, filterGroups: window, sorts: [{ propertyName: "hs_object_id", direction: "ASCENDING" }], limit }, options.signal);
      if (page.results.length > 0) yield { results: page.results };
      const last = page.results.at(-1);
      if (page.next === undefined || last === undefined) return;
      lastId = last.id;
    }
  }

  // A caller's sort (or no room for the id filter): plain offset paging up to the cap.
  let offset = 0;
  for (;;) {
    const body: SearchBody = { ...base, filterGroups: [...groups], sorts: [...(options.sorts ?? [])], limit: Math.min(limit, ctx.limits.searchResultCap - offset) };
    if (offset > 0) body.after = String(offset);
    const page = await searchOnce(ctx, type, body, options.signal);
    if (page.results.length > 0) yield { results: page.results };
    if (page.next === undefined) return;
    offset = Number(page.next);
    if (!Number.isSafeInteger(offset) || offset >= ctx.limits.searchResultCap) {
      throw new HubsyncError("HUBSPOT_BAD_REQUEST", `A ${type} search with a sort matches more than the ${ctx.limits.searchResultCap} results one HubSpot search can return.`, {
        fix: "Narrow the filters, or search without a sort so hubsync can read past the cap in id order.",
      });
    }
  }
}
