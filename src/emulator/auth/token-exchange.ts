import type { EmulatorState } from "../state/emulator-state.ts";
import type { AccessGrant } from "./access-grant.ts";
import type { RefreshGrant } from "./oauth-store.ts";

/** Why HubSpot's token endpoint refuses a request, as its `status` field names it. */
export type TokenFailure = "BAD_CLIENT_ID" | "BAD_CLIENT_SECRET" | "BAD_GRANT_TYPE" | "BAD_AUTH_CODE" | "BAD_REDIRECT_URI" | "BAD_REFRESH_TOKEN";

export interface IssuedTokens {
  access: AccessGrant;
  refresh: RefreshGrant;
}

export type TokenExchange = { ok: true; tokens: IssuedTokens } | { ok: false; failure: TokenFailure; description: string };

/**
 * `POST /oauth/v1/token`'s logic, apart from HTTP: trades an authorization code or a refresh
 * token (plus the app's credentials) for a fresh access token.
 */
export function exchangeToken(state: EmulatorState, fields: Readonly<Record<string, string>>): TokenExchange {
  if (fields["client_id"] !== state.app.clientId) return refuse("BAD_CLIENT_ID", "missing or unknown client id");
  if (fields["client_secret"] !== state.app.clientSecret) return refuse("BAD_CLIENT_SECRET", "missing or invalid client secret");
  const now = state.clock.now();
  const grantType = fields["grant_type"];

  if (grantType === "authorization_code") {
    const code = state.oauth.code(fields["code"] ?? "", now);
    if (code === undefined) return refuse("BAD_AUTH_CODE", "missing or unknown auth code");
    if (fields["redirect_uri"] !== code.redirectUri) {
      return refuse("BAD_REDIRECT_URI", `redirect_uri does not match the one the auth code was issued for (${code.redirectUri})`);
    }
    state.oauth.consumeCode(code.code);
    const refresh = state.oauth.issueRefreshToken({
      clientId: code.clientId,
      appId: state.app.appId,
      portalId: code.portalId,
      scopes: code.scopes,
      user: code.user,
    });
    return { ok: true, tokens: { refresh, access: issueAccess(state, refresh, now) } };
  }

  if (grantType === "refresh_token") {
    const known = state.oauth.refreshGrant(fields["refresh_token"] ?? "");
    if (known === undefined || !state.portals.has(known.portalId)) return refuse("BAD_REFRESH_TOKEN", "missing or invalid refresh token");
    const refresh = state.oauth.rotateRefreshTokens ? state.oauth.rotate(known) : known;
    return { ok: true, tokens: { refresh, access: issueAccess(state, refresh, now) } };
  }

  return refuse("BAD_GRANT_TYPE", `missing or unsupported grant_type${grantType === undefined ? "" : `: ${grantType}`} (use authorization_code or refresh_token)`);
}

function issueAccess(state: EmulatorState, refresh: RefreshGrant, now: number): AccessGrant {
  const expiresAt = now + state.options.accessTokenTtlSeconds * 1000;
  const access = state.tokens.issueAccessToken(refresh.portalId, refresh.appId, refresh.scopes, expiresAt, refresh.user);
  refresh.accessTokens.add(access.token);
  return access;
}

function refuse(failure: TokenFailure, description: string): TokenExchange {
  return { ok: false, failure, description };
}
