/** Supplies the bearer token for each request; the transport asks it again after a 401. */
export interface Authorizer {
  /** True when a 401 can be cured by getting a new token (OAuth); a private-app token cannot. */
  readonly refreshable: boolean;
  /** The access token to send now, refreshed first when it is about to expire. */
  current(): Promise<string>;
  /** HubSpot refused `used` with 401: get a new token, unless another request already has. */
  afterUnauthorized(used: string): Promise<void>;
}

/** A private app's token: long-lived, never refreshed. */
export function privateAppAuthorizer(token: string): Authorizer {
  return {
    refreshable: false,
    current: async () => token,
    afterUnauthorized: async () => undefined,
  };
}
