import type { Random } from "../random.ts";
import { randomHex, randomUuid } from "../random.ts";
import type { AccessGrant } from "./access-grant.ts";

/** Bearer tokens the emulator has issued: private-app tokens and OAuth access tokens. */
export class TokenRegistry {
  readonly #grants = new Map<string, AccessGrant>();
  readonly #random: Random;

  constructor(random: Random) {
    this.#random = random;
  }

  /** A private-app token shaped like HubSpot's (`pat-na1-<uuid>`), or the one given. */
  issuePrivateAppToken(portalId: number, appId: number, scopes: Iterable<string>, token?: string): AccessGrant {
    const grant: AccessGrant = {
      token: token ?? `pat-na1-${randomUuid(this.#random)}`,
      kind: "private_app",
      portalId,
      appId,
      scopes: new Set(scopes),
    };
    this.#grants.set(grant.token, grant);
    return grant;
  }

  issueAccessToken(portalId: number, appId: number, scopes: Iterable<string>, expiresAt: number, user?: { email: string; id: number }): AccessGrant {
    // Real access tokens are long opaque strings (up to 512 chars); keep them long to catch truncation.
    const token = `CO${randomHex(this.#random, 8)}-${randomHex(this.#random, 120)}`;
    const grant: AccessGrant = { token, kind: "oauth", portalId, appId, scopes: new Set(scopes), expiresAt };
    if (user !== undefined) {
      grant.userEmail = user.email;
      grant.userId = user.id;
    }
    this.#grants.set(token, grant);
    return grant;
  }

  get(token: string): AccessGrant | undefined {
    return this.#grants.get(token);
  }

  revoke(token: string): boolean {
    return this.#grants.delete(token);
  }

  revokePortal(portalId: number): void {
    for (const [token, grant] of this.#grants) if (grant.portalId === portalId) this.#grants.delete(token);
  }
}
