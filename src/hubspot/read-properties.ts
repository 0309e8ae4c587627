import { z } from "zod";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";

export const propertyTypes = ["string", "number", "date", "datetime", "enumeration", "bool", "phone_number"] as const;

const optionSchema = z.object({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional() });

export const hubspotPropertySchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  // HubSpot adds types now and then: an unknown one is kept as text rather than failing the sync.
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string().default(""),
  description: z.string().default(""),
  options: z.array(optionSchema).default([]),
  hasUniqueValue: z.boolean().default(false),
  calculated: z.boolean().default(false),
  hubspotDefined: z.boolean().default(false),
  archived: z.boolean().default(false),
  modificationMetadata: z.object({ readOnlyValue: z.boolean().default(false) }).optional(),
});

/** A property definition (`GET /crm/v3/properties/{type}`). */
export type HubSpotProperty = z.infer<typeof hubspotPropertySchema>;

const answerSchema = z.object({ results: z.array(hubspotPropertySchema) });

export interface PropertiesOptions extends ReadOptions {
  archived?: boolean;
}

/** Every property definition of a type; HubSpot returns them all at once (no paging). */
export async function readProperties(ctx: ReadContext, type: string, options: PropertiesOptions = {}): Promise<HubSpotProperty[]> {
  const answer = await ctx.transport.request({
    kind: "metadata",
    method: "GET",
    path: `/crm/v3/properties/${segment(type)}`,
    query: [["archived", options.archived === true ? "true" : undefined]],
    schema: answerSchema,
    budget: "burst",
    signal: options.signal,
  });
  return answer.results;
}
