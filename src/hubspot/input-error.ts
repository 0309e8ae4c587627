import { z } from "zod";
import { hubSpotId, type HubSpotId } from "../core/ids.ts";
import type { WriteError } from "./write-outcome.ts";

const stringList = z.array(z.unknown()).transform((values) => values.filter((v): v is string => typeof v === "string"));
const contextSchema = z.record(z.string(), z.unknown()).catch({});

/**
 * One entry of a batch answer's `errors`, or a whole error body (they share HubSpot's
 * StandardError shape), read leniently: an input's failure is never lost to a parse.
 */
export const batchErrorSchema = z.object({
  status: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  subCategory: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  context: contextSchema.optional(),
  errors: z
    .array(z.object({ message: z.string().optional().catch(undefined), code: z.string().optional().catch(undefined), context: contextSchema.optional() }).catch({}))
    .optional()
    .catch(undefined),
});

export type BatchErrorEntry = z.infer<typeof batchErrorSchema>;

export function parseBatchError(value: unknown): BatchErrorEntry {
  const parsed = batchErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** The strings under `context[name]` of an error entry (HubSpot puts ids and trace ids there as arrays). */
export function contextValues(entry: BatchErrorEntry, name: string): string[] {
  const parsed = stringList.safeParse(entry.context?.[name]);
  return parsed.success ? parsed.data : [];
}

/** A value HubSpot refused, as its "Property values were not valid: [...]" message spells it out. */
const propertyResultSchema = z.array(z.object({ name: z.string(), error: z.string().optional(), message: z.string().optional() }).catch({ name: "" }));

function propertyResults(message: string): z.infer<typeof propertyResultSchema> {
  const at = message.indexOf("[");
  if (!message.startsWith("Property values were not valid") || at < 0) return [];
  try {
    const parsed = propertyResultSchema.safeParse(JSON.parse(message.slice(at)));
    return parsed.success ? parsed.data.filter((r) => r.name !== "") : [];
  } catch {
    return [];
  }
}

/**
 * An input's failure in HubSpot's words. For a refused value HubSpot names the property under
 * `errors[].context.propertyName` and repeats its own per-value message, which says more than
 * the envelope's ("Property values were not valid: [...]"), so that one is preferred.
 */
export function inputError(entry: BatchErrorEntry, fallbackCategory: string, correlationId?: string): WriteError {
  const detail = entry.errors?.find((e) => e.message !== undefined || e.code !== undefined);
  const fromDetail = detail === undefined ? undefined : stringList.safeParse(detail.context?.["propertyName"]);
  const fromMessage = propertyResults(entry.message ?? "")[0];
  const property = (fromDetail?.success === true ? fromDetail.data[0] : undefined) ?? fromMessage?.name;
  const code = detail?.code ?? fromMessage?.error;
  const message = detail?.message ?? fromMessage?.message ?? entry.message ?? "HubSpot refused this input without a message.";
  const error: WriteError = { category: entry.category ?? fallbackCategory, message };
  if (code !== undefined) error.code = code;
  if (property !== undefined && property !== "") error.property = property;
  const correlation = entry.correlationId ?? correlationId;
  if (correlation !== undefined) error.correlationId = correlation;
  return error;
}

/** The record a 409 names: "Contact already exists. Existing ID: 512" (also for a secondary email). */
export function conflictingId(message: string | undefined): HubSpotId | undefined {
  const match = /Existing ID:\s*(\d+)/i.exec(message ?? "");
  return match?.[1] === undefined ? undefined : hubSpotId(match[1]);
}
