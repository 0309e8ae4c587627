import { z } from "zod";
import { nextAfter, pagingSchema } from "./hubspot-record.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";

export const hubspotOwnerSchema = z.object({
  id: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().optional(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean().optional() })).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().default(false),
});

/** A HubSpot owner (a user or queue records can be assigned to). */
export type HubSpotOwner = z.infer<typeof hubspotOwnerSchema>;

const answerSchema = z.object({ results: z.array(hubspotOwnerSchema), paging: pagingSchema });

export interface OwnersOptions extends ReadOptions {
  /** Only archived (deactivated) owners, as HubSpot's `archived=true` returns. */
  archived?: boolean;
}

/** Owners page by page (`GET /crm/v3/owners/`, with the trailing slash the SDK sends). */
export async function* readOwners(ctx: ReadContext, options: OwnersOptions = {}): AsyncGenerator<HubSpotPage<HubSpotOwner>> {
  let after: string | undefined;
  do {
    const answer = await ctx.transport.request({
      kind: "metadata",
      method: "GET",
      path: "/crm/v3/owners/",
      query: [["limit", String(ctx.limits.ownersPageSize)], ["archived", options.archived === true ? "true" : undefined], ["after", after]],
      schema: answerSchema,
      budget: "burst",
      signal: options.signal,
    });
    yield { results: answer.results };
    after = nextAfter(answer.paging);
  } while (after !== undefined);
}
