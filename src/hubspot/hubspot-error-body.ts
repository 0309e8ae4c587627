import { z } from "zod";

const stringList = z.array(z.unknown()).transform((values) => values.filter((v): v is string => typeof v === "string"));
const context = z.record(z.string(), z.unknown()).catch({});

/**
 * HubSpot's error body (hubspot-api-notes §6), the 429 body (§2) and the token endpoint's
 * (§1), read leniently: an error is reported with whatever it says, never lost to a parse.
 */
export const hubspotErrorBodySchema = z.object({
  status: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  subCategory: z.string().optional().catch(undefined),
  policyName: z.string().optional().catch(undefined),
  errors: z
    .array(z.object({ message: z.string().optional().catch(undefined), context: context.optional() }).catch({}))
    .optional()
    .catch(undefined),
  context: context.optional(),
  error: z.string().optional().catch(undefined),
  error_description: z.string().optional().catch(undefined),
});

export type HubSpotErrorBody = z.infer<typeof hubspotErrorBodySchema>;

export function parseErrorBody(body: unknown): HubSpotErrorBody {
  const parsed = hubspotErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}

/**
 * The scopes a MISSING_SCOPES answer names. HubSpot has put them under
 * `errors[].context.requiredGranularScopes`, `requiredScopes` and the top-level `context`.
 */
export function missingScopes(body: HubSpotErrorBody): string[] {
  const contexts = [body.context, ...(body.errors ?? []).map((e) => e.context)];
  const scopes = new Set<string>();
  for (const ctx of contexts) {
    for (const [key, value] of Object.entries(ctx ?? {})) {
      if (!/scope/i.test(key)) continue;
      const parsed = stringList.safeParse(value);
      if (parsed.success) for (const scope of parsed.data) scopes.add(scope);
    }
  }
  return [...scopes];
}

/** HubSpot's own words for an error, the most specific first. */
export function hubspotMessage(body: HubSpotErrorBody): string | undefined {
  return body.message ?? body.error_description ?? body.errors?.find((e) => e.message !== undefined)?.message;
}
