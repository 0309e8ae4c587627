import { z } from "zod";
import { batchReadOnce } from "./batch-read.ts";
import { hubspotRecordSchema, nextAfter, pagingSchema, type HubSpotRecord } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import { hasRest, planPropertyPasses, type PropertyPasses } from "./property-passes.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { requestUrl, segment, type QueryParams } from "./request-url.ts";

export interface ListObjectsOptions extends ReadOptions {
  /** Every property wanted; however many, each record arrives with all of them. */
  properties?: readonly string[];
  /** Only archived records (HubSpot's `archived=true` lists nothing else). */
  archived?: boolean;
  /** Association types to embed (v3 shape); HubSpot pages these, so `readAssociations` is the complete way. */
  associations?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Records per page, at most `limits.listPageSize` (`historyPageSize` with history). */
  pageSize?: number;
  /** Start at this page: a `next` of an earlier page, so a reader can resume where it stopped. */
  after?: string;
}

/** A list page and the opaque position of the page after it (absent on the last page). */
export interface ListPage extends HubSpotPage<HubSpotRecord> {
  next?: string;
}

const listAnswerSchema = z.object({ results: z.array(hubspotRecordSchema), paging: pagingSchema });

/**
 * Every record of a type, page by page (`GET /crm/v3/objects/{type}`), in creation order.
 * Stops when `paging.next.after` is missing, never on a short page. Property names that do
 * not fit the URL are read by batch read for the page's ids and merged (pitfall 4).
 */
export async function* listObjects(ctx: ReadContext, type: string, options: ListObjectsOptions = {}): AsyncGenerator<ListPage> {
  const { limits } = ctx;
  const properties = options.properties ?? [];
  const withHistory = options.propertiesWithHistory ?? [];
  const maxPage = withHistory.length > 0 ? limits.historyPageSize : limits.listPageSize;
  const pageSize = Math.max(1, Math.min(options.pageSize ?? maxPage, maxPage));
  const path = `/crm/v3/objects/${segment(type)}`;
  let after: string | undefined = options.after === "" ? undefined : options.after;
  do {
    const fixed: QueryParams = [
      ["limit", String(pageSize)],
      ["archived", options.archived === true ? "true" : undefined],
      ["associations", options.associations !== undefined && options.associations.length > 0 ? options.associations.join(",") : undefined],
      ["after", after],
    ];
    const room = Math.min(limits.propertyChunkChars, limits.maxUrlLength - requestUrl(ctx.baseUrl, path, fixed).length);
    const passes = planPropertyPasses(properties, withHistory, room);
    // Asking for nothing would return HubSpot's default properties; hs_object_id keeps the GET lean.
    const firstProperties = passes.first.properties.length === 0 && properties.length > 0 ? ["hs_object_id"] : passes.first.properties;
    const answer = await ctx.transport.request({
      kind: "list",
      method: "GET",
      path,
      query: [
        ...fixed,
        ["properties", firstProperties.length > 0 ? firstProperties.join(",") : undefined],
        ["propertiesWithHistory", passes.first.withHistory.length > 0 ? passes.first.withHistory.join(",") : undefined],
      ],
      schema: listAnswerSchema,
      budget: "burst",
      signal: options.signal,
    });
    const results = hasRest(passes) && answer.results.length > 0 ? await completeProperties(ctx, type, answer.results, passes, options) : answer.results;
    after = nextAfter(answer.paging);
    yield after === undefined ? { results } : { results, next: after };
  } while (after !== undefined);
}

/** Reads the properties left out of the GET for the page's ids and merges them in. */
async function completeProperties(ctx: ReadContext, type: string, records: HubSpotRecord[], passes: PropertyPasses, options: ListObjectsOptions): Promise<HubSpotRecord[]> {
  const rest = new Map<string, HubSpotRecord>();
  const size = passes.rest.withHistory.length > 0 ? Math.min(ctx.limits.batchSize, ctx.limits.historyPageSize) : ctx.limits.batchSize;
  for (let start = 0; start < records.length; start += size) {
    const ids = records.slice(start, start + size).map((r) => r.id);
    const page = await batchReadOnce(ctx, type, ids, {
      properties: passes.rest.properties,
      propertiesWithHistory: passes.rest.withHistory,
      archived: options.archived === true,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    for (const record of page.results) rest.set(record.id, record);
  }
  const merged: HubSpotRecord[] = [];
  for (const record of records) {
    const more = rest.get(record.id);
    if (more === undefined) {
      // Archived (or merged away) between the two calls: a partial record would look complete,
      // so it is left for the next run (or the archived sweep) to see whole.
      ctx.logger.debug({ type, id: record.id }, "hubspot: record vanished between property passes");
      continue;
    }
    const full: HubSpotRecord = { ...record, properties: { ...record.properties, ...more.properties } };
    if (record.propertiesWithHistory !== undefined || more.propertiesWithHistory !== undefined) {
      full.propertiesWithHistory = { ...record.propertiesWithHistory, ...more.propertiesWithHistory };
    }
    merged.push(full);
  }
  return merged;
}
