import { z } from "zod";
import { nextAfter, pagingSchema } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";

export const hubspotListSchema = z.object({
  listId: z.string(),
  name: z.string(),
  objectTypeId: z.string(),
  processingType: z.string(),
  listVersion: z.number().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

/** A list (segment) definition, as `POST /crm/v3/lists/search` returns it. */
export type HubSpotList = z.infer<typeof hubspotListSchema>;

const searchAnswerSchema = z.object({ lists: z.array(hubspotListSchema), hasMore: z.boolean(), offset: z.number().int() });

export interface ListsOptions extends ReadOptions {
  query?: string;
  processingTypes?: ReadonlyArray<"MANUAL" | "DYNAMIC" | "SNAPSHOT">;
}

/** Every list of the portal, page by page; this endpoint pages by `offset` and `hasMore`. */
export async function* readLists(ctx: ReadContext, options: ListsOptions = {}): AsyncGenerator<HubSpotPage<HubSpotList>> {
  let offset = 0;
  for (;;) {
    const json: Record<string, unknown> = { offset, count: ctx.limits.listsPageSize };
    if (options.query !== undefined) json["query"] = options.query;
    if (options.processingTypes !== undefined) json["processingTypes"] = [...options.processingTypes];
    const answer = await ctx.transport.request({ kind: "metadata", method: "POST", path: "/crm/v3/lists/search", json, schema: searchAnswerSchema, budget: "burst", signal: options.signal });
    yield { results: answer.lists };
    // An offset that does not move would loop forever: trust `hasMore` only while it does.
    if (!answer.hasMore || answer.offset <= offset) return;
    offset = answer.offset;
  }
}

export const listMembershipSchema = z.object({ recordId: z.string(), membershipTimestamp: z.string().optional() });

/** A record's membership in a list. */
export type ListMembership = z.infer<typeof listMembershipSchema>;

const membershipAnswerSchema = z.object({ results: z.array(listMembershipSchema), paging: pagingSchema });

/** A list's members page by page (`GET /crm/v3/lists/{listId}/memberships`), in record-id order. */
export async function* readListMemberships(ctx: ReadContext, listId: string, options: ReadOptions = {}): AsyncGenerator<HubSpotPage<ListMembership>> {
  let after: string | undefined;
  do {
    const answer = await ctx.transport.request({
      kind: "metadata",
      method: "GET",
      path: `/crm/v3/lists/${segment(listId)}/memberships`,
      query: [["limit", String(ctx.limits.membershipsPageSize)], ["after", after]],
      schema: membershipAnswerSchema,
      budget: "burst",
      signal: options.signal,
    });
    yield { results: answer.results };
    after = nextAfter(answer.paging);
  } while (after !== undefined);
}
