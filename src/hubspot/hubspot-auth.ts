/** How a client authenticates: a private app's token, or an OAuth installation that refreshes its tokens. */
export type HubSpotAuth = PrivateAppAuth | OAuthAuth;

export interface PrivateAppAuth {
  kind: "private-app";
  token: string;
}

export interface OAuthAuth {
  kind: "oauth";
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** A still-valid access token from a previous run, to spare a refresh. */
  accessToken?: string;
  /** When `accessToken` expires (epoch ms). */
  expiresAt?: number;
}

/** What a refresh produced: hand it to storage, because HubSpot may rotate the refresh token. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}
