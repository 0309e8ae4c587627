import { allScopes } from "../auth/access-grant.ts";
import { emulatorInfo, type EmulatorInfo } from "../emulator-info.ts";
import { faultRuleSchema, type FaultRuleSpec, type FaultRuleView } from "../faults/fault-rule.ts";
import type { FaultKind } from "../faults/fault-kind.ts";
import { ApiError } from "../http/api-error.ts";
import type { Tier } from "../options.ts";
import type { EmulatorParts } from "../parts.ts";
import { seedPortal, type SeedOptions, type SeedReport } from "../seed/seed-portal.ts";
import type { Portal } from "../state/portal.ts";
import type { RequestStatsSnapshot } from "../stats/request-stats.ts";
import type { DeliveryReport } from "../webhooks/webhook-dispatcher.ts";
import { parseInput } from "./parse-input.ts";

export interface ClockView {
  now: number;
  iso: string;
  frozen: boolean;
}

/** Everything a client or a test needs to know about a running emulator. */
export interface ControlInfo extends EmulatorInfo {
  tier: Tier;
  rateLimits: boolean;
  indexLagMs: number;
  seed: number;
  clock: ClockView;
  portals: Array<{ portalId: number; tier: Tier; appInstalled: boolean }>;
  faultRules: number;
}

export interface IssuedToken {
  token: string;
  portalId: number;
  scopes: string[];
}

/**
 * The typed control plane, the same operations `routes/control.ts` serves at `/__emulator/*`.
 * It keeps no state of its own — everything lives in the parts — so any number of instances
 * over the same parts (the in-process one and the HTTP routes' one) agree.
 */
export class EmulatorControl {
  readonly parts: EmulatorParts;

  readonly clock = {
    now: (): number => this.parts.state.clock.now(),
    view: (): ClockView => {
      const clock = this.parts.state.clock;
      return { now: clock.now(), iso: clock.iso(), frozen: clock.frozen };
    },
    advance: (ms: number): ClockView => {
      this.parts.state.clock.advance(ms);
      return this.clock.view();
    },
    set: (epochMs: number): ClockView => {
      this.parts.state.clock.set(epochMs);
      return this.clock.view();
    },
    /** Frozen time moves only through `advance` and `set`: tests cross windows without sleeping. */
    freeze: (frozen: boolean): ClockView => {
      this.parts.state.clock.freeze(frozen);
      return this.clock.view();
    },
  };

  readonly faults = {
    /** Validates and arms a rule; a bad rule throws a 400 `ApiError` naming the field. */
    add: (rule: FaultRuleSpec): string => this.parts.faults.add(parseInput(faultRuleSchema, rule)),
    list: (): FaultRuleView[] => this.parts.faults.list(),
    remove: (id: string): boolean => this.parts.faults.remove(id),
    clear: (): void => this.parts.faults.clear(),
    counts: (): Record<FaultKind, number> => this.parts.faults.counts(),
  };

  readonly stats = {
    snapshot: (): RequestStatsSnapshot => this.parts.stats.snapshot(),
    reset: (): void => this.parts.stats.reset(),
  };

  constructor(parts: EmulatorParts) {
    this.parts = parts;
  }

  /**
   * Every portal back to what a fresh one holds (ids kept, tokens kept working), faults
   * disarmed, statistics and rate budgets zeroed, undelivered webhook events (about records
   * that no longer exist) dropped. Clock, tiers, settings and webhook subscriptions stay.
   */
  reset(): void {
    const { state } = this.parts;
    for (const id of [...state.portals.keys()]) state.resetPortal(id);
    this.parts.faults.clear();
    this.parts.stats.reset();
    this.parts.rateLimiter.reset();
    this.parts.webhooks.discardPending();
  }

  /** Fills a portal (the default one unless `portalId`) with demo data; the seed defaults to the emulator's. */
  seed(options: SeedOptions & { portalId?: number } = {}): SeedReport {
    const { portalId, ...seedOptions } = options;
    const portal = this.#portal(portalId);
    return seedPortal(portal, { seed: this.parts.state.options.seed, ...seedOptions });
  }

  /** How long a write takes to become visible to search from now on. */
  setIndexLag(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new ApiError(400, "VALIDATION_ERROR", `Invalid input: \`indexLagMs\` must be a number >= 0, got ${ms}`);
    this.parts.state.options.indexLagMs = ms;
  }

  /** Makes every pending write visible to search now. */
  flushSearch(): void {
    this.parts.search.flush();
  }

  setTier(portalId: number, tier: Tier): void {
    this.#portal(portalId).tier = tier;
  }

  setRateLimits(on: boolean): void {
    this.parts.state.options.rateLimits = on;
  }

  /** A new, empty portal with a private app whose token holds every scope. */
  createPortal(input: { tier?: Tier } = {}): { portalId: number; token: string } {
    const { state } = this.parts;
    const portalId = Math.max(...state.portals.keys()) + 1;
    state.addPortal(portalId, input.tier ?? state.options.tier);
    return { portalId, token: this.#issuePrivateAppToken(portalId, allScopes) };
  }

  /** A private-app token holding only `scopes` (the default portal unless `portalId`): how tests meet MISSING_SCOPES. */
  issueToken(input: { portalId?: number; scopes: readonly string[] }): IssuedToken {
    const portal = this.#portal(input.portalId);
    return { token: this.#issuePrivateAppToken(portal.id, input.scopes), portalId: portal.id, scopes: [...input.scopes] };
  }

  /** Sends every webhook delivery that is due now (moving the clock makes retries due). */
  deliverWebhooks(): Promise<DeliveryReport> {
    return this.parts.webhooks.deliverDue();
  }

  info(): ControlInfo {
    const { state } = this.parts;
    return {
      ...emulatorInfo(state),
      tier: state.defaultPortal.tier,
      rateLimits: state.options.rateLimits,
      indexLagMs: state.options.indexLagMs,
      seed: state.options.seed,
      clock: this.clock.view(),
      portals: [...state.portals.values()].map((p) => ({ portalId: p.id, tier: p.tier, appInstalled: state.installedPortals.has(p.id) })),
      faultRules: this.parts.faults.list().length,
    };
  }

  #portal(portalId: number | undefined): Portal {
    const { state } = this.parts;
    const portal = portalId === undefined ? state.defaultPortal : state.portals.get(portalId);
    if (portal === undefined) throw new ApiError(404, "OBJECT_NOT_FOUND", `No portal ${portalId} in this emulator.`);
    return portal;
  }

  /**
   * Each issued token is its own private app, as in HubSpot where scopes belong to the app:
   * its own burst budget, never sharing one with the default token.
   */
  #issuePrivateAppToken(portalId: number, scopes: Iterable<string>): string {
    const { state } = this.parts;
    const appId = 1_000_000 + Math.floor(state.random() * 8_000_000);
    return state.tokens.issuePrivateAppToken(portalId, appId, scopes).token;
  }
}
