import { z } from "zod";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";
import type { SearchFilterGroup } from "./search-call.ts";

export interface CountObjectsOptions extends ReadOptions {
  filterGroups?: readonly SearchFilterGroup[];
}

const countAnswerSchema = z.object({ total: z.number().int().nonnegative().optional() });

/**
 * How many records a search matches (all live records without filters): one search call
 * asking for a single result, whose `total` HubSpot computes. Undefined when the answer has
 * no total. Search counts lag writes by the index delay, like every search.
 */
export async function countObjects(ctx: ReadContext, type: string, options: CountObjectsOptions = {}): Promise<number | undefined> {
  const answer = await ctx.transport.request({
    kind: "search",
    method: "POST",
    path: `/crm/v3/objects/${segment(type)}/search`,
    json: { filterGroups: [...(options.filterGroups ?? [])], sorts: [], properties: ["hs_object_id"], limit: 1 },
    schema: countAnswerSchema,
    budget: "search",
    signal: options.signal,
  });
  return answer.total;
}
