import { z } from "zod";
import type { ReadContext, ReadOptions } from "./read-context.ts";

const stageSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number(),
  // Always strings on HubSpot: `probability`, `isClosed`, `ticketState`.
  metadata: z.record(z.string(), z.string()).default({}),
  archived: z.boolean().default(false),
});

export const hubspotPipelineSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number(),
  archived: z.boolean().default(false),
  stages: z.array(stageSchema),
});

/** A deal or ticket pipeline with its stages. */
export type HubSpotPipeline = z.infer<typeof hubspotPipelineSchema>;

const answerSchema = z.object({ results: z.array(hubspotPipelineSchema) });

/** The pipelines of deals or tickets (`GET /crm/v3/pipelines/{type}`), not paged by HubSpot. */
export async function readPipelines(ctx: ReadContext, type: "deals" | "tickets", options: ReadOptions = {}): Promise<HubSpotPipeline[]> {
  const answer = await ctx.transport.request({ kind: "metadata", method: "GET", path: `/crm/v3/pipelines/${type}`, schema: answerSchema, budget: "burst", signal: options.signal });
  return answer.results;
}
