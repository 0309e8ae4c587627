import { allScopes } from "../auth/access-grant.ts";
import { OAuthStore } from "../auth/oauth-store.ts";
import { TokenRegistry } from "../auth/token-registry.ts";
import type { EmulatorClock } from "../clock.ts";
import type { EmulatorOptions, Tier } from "../options.ts";
import { randomUuid, seededRandom, type Random } from "../random.ts";
import type { DeveloperApp } from "./developer-app.ts";
import { Portal } from "./portal.ts";

/** Everything one emulator instance holds. No module-level state: many emulators can share a process. */
export class EmulatorState {
  readonly options: EmulatorOptions;
  readonly clock: EmulatorClock;
  readonly random: Random;
  readonly tokens: TokenRegistry;
  /** OAuth authorization codes and refresh tokens (access tokens live in `tokens`). */
  readonly oauth: OAuthStore;
  readonly app: DeveloperApp;
  readonly portals = new Map<number, Portal>();
  /** Portals that installed the developer app (OAuth); webhooks fire only for these. */
  readonly installedPortals = new Set<number>();
  readonly #portalListeners: Array<(portal: Portal) => void> = [];
  defaultPortal: Portal;
  /** The default portal's private-app token. */
  defaultToken: string;

  constructor(options: EmulatorOptions, clock: EmulatorClock) {
    this.options = options;
    this.clock = clock;
    this.random = seededRandom(options.seed);
    this.tokens = new TokenRegistry(this.random);
    this.oauth = new OAuthStore(this.random, options.limits.authorizationCodeTtlMs);
    this.app = {
      appId: 1000000 + Math.floor(this.random() * 8_000_000),
      clientId: randomUuid(this.random),
      clientSecret: randomUuid(this.random),
      developerApiKey: randomUuid(this.random),
    };
    this.defaultPortal = this.addPortal(options.portalId, options.tier);
    this.installedPortals.add(options.portalId);
    this.defaultToken = this.tokens.issuePrivateAppToken(options.portalId, this.app.appId, allScopes, options.token).token;
  }

  addPortal(id: number, tier: Tier): Portal {
    const portal = new Portal(this, id, tier);
    this.portals.set(id, portal);
    for (const listener of this.#portalListeners) listener(portal);
    return portal;
  }

  /** Lets a subsystem (search index, webhooks) attach to every portal, present and future. */
  onPortal(listener: (portal: Portal) => void): void {
    this.#portalListeners.push(listener);
    for (const portal of this.portals.values()) listener(portal);
  }

  /** Replaces a portal with an empty one of the same id (reset). */
  resetPortal(id: number): Portal {
    const tier = this.portals.get(id)?.tier ?? this.options.tier;
    const portal = this.addPortal(id, tier);
    if (id === this.defaultPortal.id) this.defaultPortal = portal;
    return portal;
  }
}
