import type { ConnectionConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Logger } from "../../core/logger.ts";
import { createHubSpotClient, type FetchLike, type HubSpotAuth, type HubSpotClient, type HubSpotLimitsInput, type OAuthTokens } from "../../hubspot/index.ts";

export interface HubSpotClientFactoryOptions {
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  /** HubSpot's limits, shrunk in tests. */
  limits?: HubSpotLimitsInput;
  /** Back-off jitter source. */
  random?: () => number;
  /**
   * Called after every OAuth refresh of a connection. HubSpot may rotate the refresh token:
   * store these tokens (and hand them back through `savedTokens`) or the next process may
   * hold a refresh token that no longer works.
   */
  onTokens?: (connection: ConnectionConfig, tokens: OAuthTokens) => void | Promise<void>;
  /** Tokens an earlier process saved for a connection: used instead of the config's refresh token. */
  savedTokens?: (connection: ConnectionConfig) => OAuthTokens | undefined;
}

/**
 * `InboundDeps.hubspotFor`: one client per configured connection, built on first use and
 * reused, so every sync on a portal shares one token, one rate budget and one set of
 * statistics. A connection whose settings change (a reloaded config) gets a new client.
 */
export function createHubSpotClientFactory(options: HubSpotClientFactoryOptions = {}): (connection: ConnectionConfig) => HubSpotClient {
  const clients = new Map<string, { fingerprint: string; client: HubSpotClient }>();
  return (connection) => {
    const fingerprint = JSON.stringify([connection.baseUrl, connection.tier, connection.auth]);
    const known = clients.get(connection.name);
    if (known !== undefined && known.fingerprint === fingerprint) return known.client;
    const onTokens = options.onTokens;
    const client = createHubSpotClient({
      baseUrl: connection.baseUrl,
      auth: authOf(connection, options.savedTokens?.(connection)),
      tier: connection.tier,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.logger === undefined ? {} : { logger: options.logger.child({ connection: connection.name }) }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(onTokens === undefined ? {} : { onTokens: (tokens: OAuthTokens) => onTokens(connection, tokens) }),
    });
    clients.set(connection.name, { fingerprint, client });
    return client;
  };
}

function authOf(connection: ConnectionConfig, saved: OAuthTokens | undefined): HubSpotAuth {
  const { auth } = connection;
  if (auth.type === "private_app") return { kind: "private-app", token: auth.token };
  const oauth: HubSpotAuth = { kind: "oauth", clientId: auth.clientId, clientSecret: auth.clientSecret, refreshToken: saved?.refreshToken ?? auth.refreshToken };
  if (saved !== undefined) {
    oauth.accessToken = saved.accessToken;
    oauth.expiresAt = saved.expiresAt;
  }
  return oauth;
}
