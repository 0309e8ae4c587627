import { randomUuid, type Random } from "../random.ts";

/** The HubSpot user who clicked "Connect app" (token info reports them). */
export interface OAuthUser {
  email: string;
  id: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  portalId: number;
  scopes: string[];
  user: OAuthUser;
  expiresAt: number;
}

/** A refresh token and the access tokens issued from it (revoking it revokes them). */
export interface RefreshGrant {
  token: string;
  clientId: string;
  appId: number;
  portalId: number;
  scopes: string[];
  user: OAuthUser;
  accessTokens: Set<string>;
}

/** The OAuth flow's own records: pending authorization codes and refresh tokens. */
export class OAuthStore {
  /**
   * HubSpot hands back the same refresh token on every refresh; turn this on to rotate it
   * (the old one stops working), which clients must also survive.
   */
  rotateRefreshTokens = false;
  readonly #random: Random;
  /** How long a code can be exchanged (`limits.authorizationCodeTtlMs`; HubSpot: 10 minutes). */
  readonly #codeTtlMs: number;
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #refreshTokens = new Map<string, RefreshGrant>();

  constructor(random: Random, codeTtlMs: number) {
    this.#random = random;
    this.#codeTtlMs = codeTtlMs;
  }

  issueCode(init: Omit<AuthorizationCode, "code" | "expiresAt">, now: number): AuthorizationCode {
    const code: AuthorizationCode = { ...init, code: `na1-${randomUuid(this.#random)}`, expiresAt: now + this.#codeTtlMs };
    this.#codes.set(code.code, code);
    return code;
  }

  /** A code that can still be exchanged: known, unused and not expired. */
  code(code: string, now: number): AuthorizationCode | undefined {
    const found = this.#codes.get(code);
    if (found === undefined) return undefined;
    if (found.expiresAt <= now) {
      this.#codes.delete(code);
      return undefined;
    }
    return found;
  }

  /** Spends a code: it works once. */
  consumeCode(code: string): void {
    this.#codes.delete(code);
  }

  issueRefreshToken(init: Omit<RefreshGrant, "token" | "accessTokens">): RefreshGrant {
    const grant: RefreshGrant = { ...init, token: `na1-${randomUuid(this.#random)}`, accessTokens: new Set() };
    this.#refreshTokens.set(grant.token, grant);
    return grant;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.#refreshTokens.get(token);
  }

  /** Replaces a refresh token by a new one carrying the same grant; the old one stops working. */
  rotate(grant: RefreshGrant): RefreshGrant {
    this.#refreshTokens.delete(grant.token);
    const rotated: RefreshGrant = { ...grant, token: `na1-${randomUuid(this.#random)}` };
    this.#refreshTokens.set(rotated.token, rotated);
    return rotated;
  }

  /** Forgets a refresh token; returns it so its access tokens can be revoked too. */
  revokeRefreshToken(token: string): RefreshGrant | undefined {
    const grant = this.#refreshTokens.get(token);
    this.#refreshTokens.delete(token);
    return grant;
  }
}

/** The emulator's stand-in for the user who installs an app in a portal, stable per portal. */
export function portalUser(portalId: number): OAuthUser {
  return { email: `admin@${hubDomain(portalId)}`, id: 1_000_000 + (portalId % 9_000_000) };
}

/** The `hub_domain` token info reports for a portal. */
export function hubDomain(portalId: number): string {
  return `portal-${portalId}.example.com`;
}
