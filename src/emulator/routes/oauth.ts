import type { Context, Hono } from "hono";
import { parseAuthorizeRequest, redirectWith, type AuthorizeRequest } from "../auth/authorize-request.ts";
import { consentPage } from "../auth/consent-page.ts";
import { oauthErrorBody } from "../auth/oauth-error-body.ts";
import { hubDomain, portalUser } from "../auth/oauth-store.ts";
import { exchangeToken } from "../auth/token-exchange.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import type { EmulatorParts } from "../parts.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

const AUTHORIZE_PATH = "/oauth/authorize";

/**
 * HubSpot's OAuth 2.0 authorization-code flow (hubspot-api-notes §1): the consent screen
 * (which on HubSpot lives at app.hubspot.com), the token endpoints and token introspection.
 * None of it needs a bearer token or counts against a rate limit.
 */
export function oauthRoutes(app: Hono<EmulatorEnv>, parts: EmulatorParts): void {
  const { state } = parts;

  app.get(AUTHORIZE_PATH, (c) => {
    const query = new URL(c.req.url).searchParams;
    const request = parseAuthorizeRequest((name) => query.get(name) ?? undefined, state);
    if (state.options.oauthAutoApprove) return c.redirect(approve(state, request), 302);
    return c.html(consentPage({ request, appId: state.app.appId, portalIds: [...state.portals.keys()], action: AUTHORIZE_PATH }));
  });

  // The consent page's Approve / Deny buttons post here, with the request's fields re-sent.
  app.post(AUTHORIZE_PATH, async (c) => {
    const form = await readFields(c);
    const request = parseAuthorizeRequest((name) => form[name], state);
    if (form["decision"] !== "approve") {
      return c.redirect(redirectWith(request, { error: "access_denied", error_description: "The user declined to install the app." }), 302);
    }
    return c.redirect(approve(state, request), 302);
  });

  for (const version of ["v1", "v3"] as const) {
    app.post(`/oauth/${version}/token`, async (c) => {
      const result = exchangeToken(state, await readFields(c));
      if (!result.ok) return c.json(oauthErrorBody(result.failure, result.description, c.get("correlationId")), 400);
      const { access, refresh } = result.tokens;
      const body = { token_type: "bearer", refresh_token: refresh.token, access_token: access.token, expires_in: state.options.accessTokenTtlSeconds };
      return c.json(version === "v3" ? { ...body, hub_id: refresh.portalId, scopes: refresh.scopes } : body);
    });
  }

  app.get("/oauth/v1/access-tokens/:token", (c) => {
    const grant = state.tokens.get(c.req.param("token"));
    const now = state.clock.now();
    if (grant === undefined || grant.kind !== "oauth" || grant.expiresAt === undefined || grant.expiresAt <= now) {
      throw new ApiError(404, "OBJECT_NOT_FOUND", "The access token is unknown, revoked or expired.");
    }
    return c.json({
      token: grant.token,
      user: grant.userEmail,
      hub_domain: hubDomain(grant.portalId),
      scopes: [...grant.scopes],
      hub_id: grant.portalId,
      app_id: grant.appId,
      expires_in: Math.floor((grant.expiresAt - now) / 1000),
      user_id: grant.userId,
      token_type: "access",
    });
  });

  // A private app's token introspection (HubSpot's private-apps docs): the token is named in the
  // body, so it never lands in a URL or an access log. An unknown or non-private-app token is a 401.
  app.post("/oauth/v2/private-apps/get/access-token-info", async (c) => {
    const tokenKey = (await readJsonObject(c))["tokenKey"];
    if (typeof tokenKey !== "string" || tokenKey === "") {
      throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: `tokenKey` must be the private app's access token.");
    }
    const grant = state.tokens.get(tokenKey);
    if (grant === undefined || grant.kind !== "private_app") {
      throw new ApiError(401, "INVALID_AUTHENTICATION", "The private app access token is invalid or has been revoked.");
    }
    return c.json({ ...(grant.userId === undefined ? {} : { userId: grant.userId }), hubId: grant.portalId, appId: grant.appId, scopes: [...grant.scopes] });
  });

  app.get("/oauth/v1/refresh-tokens/:token", (c) => {
    const grant = state.oauth.refreshGrant(c.req.param("token"));
    if (grant === undefined) throw new ApiError(404, "OBJECT_NOT_FOUND", "The refresh token is unknown or revoked.");
    return c.json({
      token: grant.token,
      user: grant.user.email,
      hub_domain: hubDomain(grant.portalId),
      scopes: grant.scopes,
      hub_id: grant.portalId,
      client_id: grant.clientId,
      user_id: grant.user.id,
      token_type: "refresh",
    });
  });

  app.delete("/oauth/v1/refresh-tokens/:token", (c) => {
    const grant = state.oauth.revokeRefreshToken(c.req.param("token"));
    if (grant === undefined) throw new ApiError(404, "OBJECT_NOT_FOUND", "The refresh token is unknown or revoked.");
    for (const token of grant.accessTokens) state.tokens.revoke(token);
    return c.body(null, 204);
  });
}

/** Installs the app in the chosen portal and returns the redirect carrying a fresh code. */
function approve(state: EmulatorState, request: AuthorizeRequest): string {
  state.installedPortals.add(request.portalId);
  const code = state.oauth.issueCode(
    {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      portalId: request.portalId,
      // Optional scopes are granted whenever the portal has them; every emulated portal has them all.
      scopes: [...request.scopes, ...request.optionalScopes],
      user: portalUser(request.portalId),
    },
    state.clock.now(),
  );
  return redirectWith(request, { code: code.code });
}

/** Form fields of a POST: url-encoded (what HubSpot documents and the SDK sends), multipart, or JSON. */
async function readFields(c: Context<EmulatorEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type")?.toLowerCase() ?? "";
  const fields: Record<string, string> = {};
  if (type.includes("json")) {
    for (const [name, value] of Object.entries(await readJsonObject(c))) {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields[name] = String(value);
    }
  } else if (type.includes("multipart/form-data")) {
    for (const [name, value] of Object.entries(await c.req.parseBody())) if (typeof value === "string") fields[name] = value;
  } else {
    for (const [name, value] of new URLSearchParams(await c.req.text())) fields[name] = value;
  }
  return fields;
}
