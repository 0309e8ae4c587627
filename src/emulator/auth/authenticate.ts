import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/** Resolves the bearer token to a grant and its portal; 401 in HubSpot's words otherwise. */
export function authenticate(): MiddlewareHandler<EmulatorEnv> {
  return async function authenticateBearer(c, next) {
    const state = c.get("state");
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (token === undefined) {
      throw new ApiError(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }
    const grant = state.tokens.get(token);
    if (grant === undefined) {
      throw new ApiError(401, "INVALID_AUTHENTICATION", "The OAuth token used to make this call is invalid or has been revoked.");
    }
    // Private-app tokens never expire, whatever they carry; OAuth access tokens do, and HubSpot
    // says so with its own category so clients can refresh instead of giving up.
    if (grant.kind === "oauth" && grant.expiresAt !== undefined && grant.expiresAt <= state.clock.now()) {
      throw new ApiError(401, "EXPIRED_AUTHENTICATION", `The OAuth token used to make this call expired ${elapsed(state.clock.now() - grant.expiresAt)} ago.`);
    }
    const portal = state.portals.get(grant.portalId);
    if (portal === undefined) throw new ApiError(401, "INVALID_AUTHENTICATION", "The portal this token belongs to no longer exists.");
    c.set("grant", grant);
    c.set("portal", portal);
    await next();
  };
}

/** "5 minute(s)", as HubSpot words how long ago a token expired. */
function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} second(s)`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minute(s)`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hour(s)`;
  return `${Math.floor(seconds / 86_400)} day(s)`;
}
