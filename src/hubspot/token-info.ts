import { z } from "zod";
import { portalId, type PortalId } from "../core/ids.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";

/** What HubSpot says about the token in use: its portal, app and scopes (for `hubsync check`). */
export interface TokenInfo {
  kind: "oauth" | "private-app";
  hubId: PortalId;
  appId: number | undefined;
  scopes: string[];
  /** The installing user's email (OAuth). */
  user: string | undefined;
  /** Seconds until the access token expires (OAuth). */
  expiresInSeconds: number | undefined;
}

const oauthInfoSchema = z.object({
  hub_id: z.number().int(),
  app_id: z.number().int().optional(),
  scopes: z.array(z.string()),
  user: z.string().optional(),
  expires_in: z.number().optional(),
});

const privateAppInfoSchema = z.object({
  hubId: z.number().int(),
  appId: z.number().int().optional(),
  scopes: z.array(z.string()),
  userId: z.number().optional(),
});

/**
 * OAuth: `GET /oauth/v1/access-tokens/{token}`. Private apps: `POST
 * /oauth/v2/private-apps/get/access-token-info` `{tokenKey}` (HubSpot's private-apps docs).
 */
export async function readTokenInfo(ctx: ReadContext, kind: TokenInfo["kind"], token: string, options: ReadOptions = {}): Promise<TokenInfo> {
  if (kind === "oauth") {
    const info = await ctx.transport.request({ kind: "token-info", method: "GET", path: `/oauth/v1/access-tokens/${segment(token)}`, schema: oauthInfoSchema, budget: "none", authenticated: false, signal: options.signal });
    return { kind, hubId: portalId(info.hub_id), appId: info.app_id, scopes: info.scopes, user: info.user, expiresInSeconds: info.expires_in };
  }
  const info = await ctx.transport.request({
    kind: "token-info",
    method: "POST",
    path: "/oauth/v2/private-apps/get/access-token-info",
    json: { tokenKey: token },
    schema: privateAppInfoSchema,
    budget: "none",
    signal: options.signal,
  });
  return { kind, hubId: portalId(info.hubId), appId: info.appId, scopes: info.scopes, user: undefined, expiresInSeconds: undefined };
}
