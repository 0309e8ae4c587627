import { isoFromMs } from "../sql/iso-timestamp.ts";
import { readRequiredTimestamp } from "../sql/read-value.ts";
import { executor, type StoreContext } from "../store-context.ts";

/** A connection's OAuth tokens as stored (the HubSpot client's OAuthTokens has the same shape). */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Keeps the newest OAuth tokens of a connection: a rotated refresh token must outlive the process. */
export async function saveOAuthTokens(ctx: StoreContext, connection: string, tokens: OAuthTokens): Promise<void> {
  const row = {
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    expires_at: isoFromMs(tokens.expiresAt),
    updated_at: isoFromMs(ctx.clock.now()),
  };
  await executor(ctx, undefined)
    .insertInto("oauth_tokens")
    .values({ connection, ...row })
    .onConflict((oc) => oc.column("connection").doUpdateSet(row))
    .execute();
}

/** Every connection's saved tokens, by connection name. */
export async function loadOAuthTokens(ctx: StoreContext): Promise<Map<string, OAuthTokens>> {
  const rows = await executor(ctx, undefined).selectFrom("oauth_tokens").selectAll().execute();
  return new Map(
    rows.map((row) => [
      row.connection,
      { refreshToken: row.refresh_token, accessToken: row.access_token, expiresAt: Date.parse(readRequiredTimestamp(row.expires_at)) },
    ]),
  );
}
