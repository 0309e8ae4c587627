import { z } from "zod";
import { hubspotRecordSchema, nextAfter, pagingSchema, type HubSpotRecord } from "./hubspot-record.ts";
import type { ReadContext } from "./read-context.ts";
import { segment } from "./request-url.ts";

export const searchOperators = [
  "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
  "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
] as const;
export type SearchOperator = (typeof searchOperators)[number];

export interface SearchFilter {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

/** Filters ANDed; groups are ORed. */
export interface SearchFilterGroup {
  filters: SearchFilter[];
}

export interface SearchSort {
  propertyName: string;
  direction: "ASCENDING" | "DESCENDING";
}

export interface SearchBody {
  filterGroups: SearchFilterGroup[];
  sorts: SearchSort[];
  properties: string[];
  query?: string;
  limit: number;
  /** An offset, as a string; left out for the first page. */
  after?: string;
}

const searchAnswerSchema = z.object({ total: z.number().optional(), results: z.array(hubspotRecordSchema), paging: pagingSchema });

export interface SearchAnswer {
  results: HubSpotRecord[];
  /** The next offset, or undefined when this page was the last. */
  next: string | undefined;
}

/** One `POST /crm/v3/objects/{type}/search` call, drawing on the search budget (5/s). */
export async function searchOnce(ctx: ReadContext, type: string, body: SearchBody, signal: AbortSignal | undefined): Promise<SearchAnswer> {
  const answer = await ctx.transport.request({
    kind: "search",
    method: "POST",
    path: `/crm/v3/objects/${segment(type)}/search`,
    json: body,
    schema: searchAnswerSchema,
    budget: "search",
    signal,
  });
  return { results: answer.results, next: nextAfter(answer.paging) };
}

/** ANDs `extra` into every group (a search without groups gets one group of `extra`). */
export function andFilters(groups: readonly SearchFilterGroup[], extra: readonly SearchFilter[]): SearchFilterGroup[] {
  if (groups.length === 0) return extra.length === 0 ? [] : [{ filters: [...extra] }];
  return groups.map((group) => ({ filters: [...group.filters, ...extra] }));
}

/** Whether `extra` more filters fit in every group within HubSpot's limits. */
export function roomForFilters(groups: readonly SearchFilterGroup[], extra: number, limits: { searchMaxFiltersPerGroup: number; searchMaxFiltersTotal: number }): boolean {
  const groupCount = Math.max(1, groups.length);
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0) + extra * groupCount;
  return groups.every((group) => group.filters.length + extra <= limits.searchMaxFiltersPerGroup) && extra <= limits.searchMaxFiltersPerGroup && total <= limits.searchMaxFiltersTotal;
}

/** Search page size: the wanted size within HubSpot's page maximum and the per-query cap. */
export function searchPageSize(ctx: ReadContext, wanted: number | undefined): number {
  const max = Math.min(ctx.limits.searchPageSize, ctx.limits.searchResultCap);
  return Math.max(1, Math.min(wanted ?? max, max));
}
