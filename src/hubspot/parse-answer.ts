import type { z } from "zod";
import { HubsyncError } from "../core/hubsync-error.ts";

/** `results[3].properties.email`, as a user would point at a field of a JSON body. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? String(part) : `.${String(part)}`;
  return text === "" ? "(the body)" : text;
}

/** Parses a HubSpot answer with its schema; an unexpected shape is HUBSPOT_BAD_RESPONSE naming the field. */
export function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = fieldPath(issue?.path ?? []);
  throw new HubsyncError("HUBSPOT_BAD_RESPONSE", `HubSpot's answer to ${what} is not what its API documents: \`${field}\` ${issue?.message ?? "is invalid"}.`, {
    subject: field,
    fix: "This is a HubSpot API change or a hubsync bug: report it with the field named here.",
  });
}
