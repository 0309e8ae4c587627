import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * Fails with HubSpot's 403 MISSING_SCOPES unless the caller's token holds one of `anyOf`.
 * The body names the scopes, as HubSpot's does, so clients can tell users what to grant.
 */
export function requireScope(c: Context<EmulatorEnv>, anyOf: readonly string[]): void {
  const grant = c.get("grant");
  if (anyOf.some((scope) => grant.scopes.has(scope))) return;
  throw new ApiError(403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
    errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: [...anyOf] } }],
    extra: { links: { scopes: "https://developers.hubspot.com/scopes" } },
  });
}
