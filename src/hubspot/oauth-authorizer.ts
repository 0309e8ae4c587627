import { z } from "zod";
import type { Clock } from "../core/clock.ts";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { Logger } from "../core/logger.ts";
import type { Authorizer } from "./authorizer.ts";
import type { ClientStats } from "./client-stats.ts";
import type { OAuthAuth, OAuthTokens } from "./hubspot-auth.ts";
import type { Transport } from "./transport.ts";

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
});

export interface OAuthAuthorizerDeps {
  transport: Transport;
  clock: Clock;
  logger: Logger;
  stats: ClientStats;
  marginMs: number;
  onTokens: ((tokens: OAuthTokens) => void | Promise<void>) | undefined;
}

/**
 * An OAuth installation's tokens for one client. Refreshes on TTL, `marginMs` early (at most
 * half the token's lifetime), not on 401 — though a 401 triggers one refresh. Single-flight:
 * concurrent requests that need a token share one refresh call. The refresh call goes
 * through the transport, so a 429, 5xx or network failure of the token endpoint is retried.
 */
export class OAuthAuthorizer implements Authorizer {
  readonly refreshable = true;
  readonly #deps: OAuthAuthorizerDeps;
  readonly #clientId: string;
  readonly #clientSecret: string;
  #refreshToken: string;
  #accessToken: string | undefined;
  /** When to stop using the access token and refresh (epoch ms). */
  #refreshAt: number;
  #inFlight: Promise<string> | undefined;

  constructor(auth: OAuthAuth, deps: OAuthAuthorizerDeps) {
    this.#deps = deps;
    this.#clientId = auth.clientId;
    this.#clientSecret = auth.clientSecret;
    this.#refreshToken = auth.refreshToken;
    this.#accessToken = auth.accessToken;
    const now = deps.clock.now();
    // A token handed in without an expiry is used until HubSpot refuses it.
    this.#refreshAt = auth.expiresAt === undefined ? Infinity : auth.expiresAt - Math.min(deps.marginMs, Math.max(0, auth.expiresAt - now) / 2);
  }

  async current(): Promise<string> {
    if (this.#accessToken !== undefined && this.#deps.clock.now() < this.#refreshAt) return this.#accessToken;
    return this.#refresh();
  }

  async afterUnauthorized(used: string): Promise<void> {
    // Another request may have refreshed since `used` was sent: then its token is the cure.
    if (this.#accessToken !== used && this.#accessToken !== undefined) return;
    this.#accessToken = undefined;
    await this.#refresh();
  }

  #refresh(): Promise<string> {
    this.#inFlight ??= this.#exchange().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #exchange(): Promise<string> {
    const { transport, clock, stats, logger } = this.#deps;
    const startedAt = clock.now();
    let answer: z.infer<typeof tokenAnswerSchema>;
    try {
      answer = await transport.request({
        kind: "token-refresh",
        method: "POST",
        path: "/oauth/v1/token",
        form: { grant_type: "refresh_token", refresh_token: this.#refreshToken, client_id: this.#clientId, client_secret: this.#clientSecret },
        schema: tokenAnswerSchema,
        budget: "none",
        authenticated: false,
      });
    } catch (error) {
      if (error instanceof HubsyncError && error.code === "HUBSPOT_BAD_REQUEST") {
        throw new HubsyncError("OAUTH_REFRESH_FAILED", `HubSpot refused to refresh the OAuth access token: ${error.message}`, {
          ...error.details,
          fix: "The refresh token was revoked, the app uninstalled or the client secret changed: reconnect the portal.",
          cause: error,
        });
      }
      throw error;
    }
    stats.refreshed();
    const lifetimeMs = answer.expires_in * 1000;
    const expiresAt = startedAt + lifetimeMs;
    this.#accessToken = answer.access_token;
    this.#refreshAt = expiresAt - Math.min(this.#deps.marginMs, lifetimeMs / 2);
    // HubSpot does not document whether refresh tokens rotate: keep whichever it returns.
    if (answer.refresh_token !== undefined) this.#refreshToken = answer.refresh_token;
    const tokens: OAuthTokens = { accessToken: answer.access_token, refreshToken: this.#refreshToken, expiresAt };
    try {
      await this.#deps.onTokens?.(tokens);
    } catch (error) {
      // The run can go on with the tokens in memory; losing a rotated refresh token would
      // break the next run, so say so loudly.
      logger.error({ err: error }, "hubspot: could not store the refreshed OAuth tokens");
    }
    return answer.access_token;
  }
}
