import type { HubSpotRecord } from "./hubspot-record.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import type { SearchFilterGroup } from "./search-call.ts";
import { searchObjects } from "./search-objects.ts";

export interface SearchByPropertyOptions extends ReadOptions {
  /** Properties to return besides `property` itself. */
  properties?: readonly string[];
  /**
   * Enumerations compare case-sensitively; other text properties are indexed lowercased, so an
   * `IN` value with capitals never matches them. Values are lowercased unless this is true.
   */
  exactCase?: boolean;
}

/**
 * Records whose `property` holds one of `values`, for matching on properties that are not
 * unique (a company's `domain`, a deal's name). As few searches as HubSpot allows: one `IN`
 * filter of `limits.searchMaxInValues` values per filter group, `limits.searchMaxFilterGroups`
 * groups ORed per search (500 values a query), each query paged to the end, on the search
 * budget. Keyed by the value as given; a value nothing matched maps to `[]`.
 *
 * Search lags writes (index lag): records written moments ago may not be found yet. To find a
 * record by a unique property, batch read with `idProperty` has no such lag.
 */
export async function searchByProperty(ctx: ReadContext, type: string, property: string, values: readonly string[], options: SearchByPropertyOptions = {}): Promise<Map<string, HubSpotRecord[]>> {
  const fold = (value: string): string => (options.exactCase === true ? value.trim() : value.trim().toLowerCase());
  const matches = new Map<string, HubSpotRecord[]>(values.map((value) => [value, []]));
  const givenAs = new Map<string, string[]>();
  for (const value of values) {
    if (value.trim() === "") continue;
    givenAs.set(fold(value), [...(givenAs.get(fold(value)) ?? []), value]);
  }
  const wanted = [...givenAs.keys()];
  const perFilter = Math.max(1, ctx.limits.searchMaxInValues);
  // The id window the search adds takes a filter in each group: leave room for it.
  const groupsPerQuery = Math.max(1, Math.min(ctx.limits.searchMaxFilterGroups, Math.floor(ctx.limits.searchMaxFiltersTotal / 2)));
  const properties = [...new Set([property, ...(options.properties ?? [])])];
  for (let start = 0; start < wanted.length; start += perFilter * groupsPerQuery) {
    const slice = wanted.slice(start, start + perFilter * groupsPerQuery);
    const filterGroups: SearchFilterGroup[] = [];
    for (let at = 0; at < slice.length; at += perFilter) filterGroups.push({ filters: [{ propertyName: property, operator: "IN", values: slice.slice(at, at + perFilter) }] });
    const search = options.signal === undefined ? { filterGroups, properties } : { filterGroups, properties, signal: options.signal };
    for await (const page of searchObjects(ctx, type, search)) {
      for (const record of page.results) {
        const held = record.properties[property];
        if (held === null || held === undefined) continue;
        for (const value of givenAs.get(fold(held)) ?? []) matches.get(value)?.push(record);
      }
    }
  }
  return matches;
}
