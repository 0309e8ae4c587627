import { z } from "zod";
import type { HubSpotId } from "../core/ids.ts";
import { hubspotRecordSchema, type HubSpotRecord } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";

export interface BatchReadOptions extends ReadOptions {
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Read by a unique property (e.g. `email`) instead of the record id. */
  idProperty?: string;
  /** Read archived records instead of live ones. */
  archived?: boolean;
}

/** A batch-read page: the records found and the ids HubSpot found none for (207). */
export interface BatchReadPage extends HubSpotPage<HubSpotRecord> {
  missing: string[];
}

const batchReadAnswerSchema = z.object({
  results: z.array(hubspotRecordSchema),
  errors: z
    .array(z.object({ category: z.string().optional(), context: z.record(z.string(), z.array(z.string())).optional() }))
    .optional(),
});

/** `POST /crm/v3/objects/{type}/batch/read`, `limits.batchSize` ids a call, a page per call. */
export async function* batchRead(ctx: ReadContext, type: string, ids: Iterable<HubSpotId | string> | AsyncIterable<HubSpotId | string>, options: BatchReadOptions = {}): AsyncGenerator<BatchReadPage> {
  // HubSpot serves fewer records per call when history is asked for, as it does on list pages.
  const size = (options.propertiesWithHistory?.length ?? 0) > 0 ? Math.min(ctx.limits.batchSize, ctx.limits.historyPageSize) : ctx.limits.batchSize;
  for await (const chunk of chunked(ids, size)) {
    yield await batchReadOnce(ctx, type, chunk, options);
  }
}

/** One batch-read call for at most `limits.batchSize` ids. */
export async function batchReadOnce(ctx: ReadContext, type: string, ids: readonly string[], options: BatchReadOptions): Promise<BatchReadPage> {
  const json: Record<string, unknown> = {
    inputs: ids.map((id) => ({ id })),
    properties: [...(options.properties ?? [])],
    propertiesWithHistory: [...(options.propertiesWithHistory ?? [])],
  };
  if (options.idProperty !== undefined) json["idProperty"] = options.idProperty;
  const answer = await ctx.transport.request({
    kind: "batch-read",
    method: "POST",
    path: `/crm/v3/objects/${segment(type)}/batch/read`,
    query: [["archived", options.archived === true ? "true" : undefined]],
    json,
    schema: batchReadAnswerSchema,
    budget: "burst",
    signal: options.signal,
  });
  const missing = (answer.errors ?? []).flatMap((error) => error.context?.["ids"] ?? []);
  return { results: answer.results, missing };
}

/** Groups ids (sync or async) into arrays of at most `size`, without reading ahead further. */
export async function* chunked<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
