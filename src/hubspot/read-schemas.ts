import { z } from "zod";
import { hubspotPropertySchema } from "./read-properties.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";

export const hubspotSchemaSchema = z.object({
  id: z.string(),
  objectTypeId: z.string(),
  fullyQualifiedName: z.string(),
  name: z.string(),
  labels: z.object({ singular: z.string().optional(), plural: z.string().optional() }).default({}),
  primaryDisplayProperty: z.string().optional(),
  archived: z.boolean().default(false),
  properties: z.array(hubspotPropertySchema).default([]),
  associations: z.array(z.object({ id: z.string(), fromObjectTypeId: z.string(), toObjectTypeId: z.string(), name: z.string().optional() })).default([]),
});

/** A custom object's schema (`GET /crm/v3/schemas`). */
export type HubSpotSchema = z.infer<typeof hubspotSchemaSchema>;

const answerSchema = z.object({ results: z.array(hubspotSchemaSchema) });

/** The portal's custom object schemas, with their properties; not paged by HubSpot. */
export async function readSchemas(ctx: ReadContext, options: ReadOptions = {}): Promise<HubSpotSchema[]> {
  const answer = await ctx.transport.request({ kind: "metadata", method: "GET", path: "/crm/v3/schemas", schema: answerSchema, budget: "burst", signal: options.signal });
  return answer.results;
}
