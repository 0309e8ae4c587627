import type { Context, MiddlewareHandler, Next } from "hono";
import type { AccessGrant } from "../auth/access-grant.ts";
import type { EmulatorEnv } from "../env.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import type { Portal } from "../state/portal.ts";
import { rateLimitBody, type RateLimitPolicy } from "./rate-limit-body.ts";
import { hubspotRateLimits, privateAppLimits, type RateLimitTable } from "./rate-limit-table.ts";
import { RollingWindow } from "./rolling-window.ts";

const DAY_MS = 86_400_000;
const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search\/?$/;

/** The budgets one caller draws on: a burst per app (per portal for OAuth), a daily one for private apps. */
export interface CallerLimits {
  burst: number;
  /** Calls per day for the whole account; undefined for OAuth apps, which have none. */
  daily: number | undefined;
}

interface DailyCount {
  day: number;
  used: number;
}

/**
 * HubSpot's rate limits (hubspot-api-notes §2): a rolling 10 s burst per private app or per
 * OAuth app and installing portal, a daily budget per account for private apps, and the CRM
 * search endpoints' separate 5-per-second budget. A refused call spends nothing. With
 * `options.rateLimits` off nothing is refused but the headers are still counted and sent,
 * so clients that pace themselves from the headers behave the same.
 */
export class RateLimiter {
  readonly state: EmulatorState;
  readonly table: RateLimitTable;
  readonly #burst = new Map<string, RollingWindow>();
  readonly #search = new Map<string, RollingWindow>();
  readonly #daily = new Map<number, DailyCount>();
  readonly #limitIncreases = new Map<number, number>();

  constructor(state: EmulatorState, table: RateLimitTable = hubspotRateLimits) {
    this.state = state;
    this.table = table;
  }

  middleware(): MiddlewareHandler<EmulatorEnv> {
    const limiter = this;
    return async function rateLimit(c, next) {
      if (c.req.method === "POST" && SEARCH_PATH.test(c.req.path)) return limiter.#admitSearch(c, next);
      return limiter.#admit(c, next);
    };
  }

  /** The budgets a grant draws on at its portal's current tier. */
  limitsFor(grant: AccessGrant, portal: Portal): CallerLimits {
    if (grant.kind === "oauth") return { burst: this.table.oauthApp.burst, daily: undefined };
    return privateAppLimits(this.table, portal.tier, this.#limitIncreases.get(portal.id) ?? 0);
  }

  /** Records calls an account already made today, so a test can stand at the daily limit. */
  useDailyCalls(portalId: number, calls: number): void {
    this.#dailyCount(portalId, this.state.clock.now()).used += calls;
  }

  /** Gives a portal HubSpot's API limit increase add-on (0 removes it; HubSpot sells at most 2). */
  setApiLimitIncrease(portalId: number, packs: number): void {
    this.#limitIncreases.set(portalId, packs);
  }

  /** Forgets every call made so far (an emulator reset). */
  reset(): void {
    this.#burst.clear();
    this.#search.clear();
    this.#daily.clear();
  }

  async #admitSearch(c: Context<EmulatorEnv>, next: Next): Promise<Response | void> {
    const grant = c.get("grant");
    const now = this.state.clock.now();
    const window = windowFor(this.#search, `${grant.kind}:${grant.appId}:${grant.portalId}`, this.table.search.windowMs);
    if (this.state.options.rateLimits && window.count(now) >= this.table.search.perWindow) {
      return c.json(rateLimitBody("SECONDLY", c.get("correlationId")), 429);
    }
    window.add(now);
    await next();
  }

  async #admit(c: Context<EmulatorEnv>, next: Next): Promise<Response | void> {
    const grant = c.get("grant");
    const portal = c.get("portal");
    const limits = this.limitsFor(grant, portal);
    const now = this.state.clock.now();
    const key = grant.kind === "oauth" ? `oauth:${grant.appId}:${portal.id}` : `private-app:${grant.appId}:${portal.id}`;
    const window = windowFor(this.#burst, key, this.table.burstWindowMs);
    const daily = limits.daily === undefined ? undefined : this.#dailyCount(portal.id, now);

    const refused = this.state.options.rateLimits ? refusal(limits, window.count(now), daily) : undefined;
    if (refused !== undefined) {
      writeHeaders(c, this.#headers(limits, window.count(now), daily));
      return c.json(rateLimitBody(refused, c.get("correlationId"), `publicapi:${key}`), 429);
    }
    window.add(now);
    if (daily !== undefined) daily.used += 1;
    const headers = this.#headers(limits, window.count(now), daily);
    await next();
    // Set after the handler so error answers (thrown, rendered by onError) carry them too.
    writeHeaders(c, headers);
  }

  #headers(limits: CallerLimits, used: number, daily: DailyCount | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      "X-HubSpot-RateLimit-Max": String(limits.burst),
      "X-HubSpot-RateLimit-Remaining": String(Math.max(0, limits.burst - used)),
      "X-HubSpot-RateLimit-Interval-Milliseconds": String(this.table.burstWindowMs),
    };
    if (limits.daily !== undefined && daily !== undefined) {
      headers["X-HubSpot-RateLimit-Daily"] = String(limits.daily);
      headers["X-HubSpot-RateLimit-Daily-Remaining"] = String(Math.max(0, limits.daily - daily.used));
    }
    return headers;
  }

  /** Today's count for an account; days turn over at midnight UTC by the emulator's clock. */
  #dailyCount(portalId: number, now: number): DailyCount {
    const day = Math.floor(now / DAY_MS);
    let count = this.#daily.get(portalId);
    if (count === undefined || count.day !== day) {
      count = { day, used: 0 };
      this.#daily.set(portalId, count);
    }
    return count;
  }
}

function refusal(limits: CallerLimits, usedInWindow: number, daily: DailyCount | undefined): RateLimitPolicy | undefined {
  if (limits.daily !== undefined && daily !== undefined && daily.used >= limits.daily) return "DAILY";
  if (usedInWindow >= limits.burst) return "TEN_SECONDLY_ROLLING";
  return undefined;
}

function windowFor(windows: Map<string, RollingWindow>, key: string, windowMs: number): RollingWindow {
  let window = windows.get(key);
  if (window === undefined) {
    window = new RollingWindow(windowMs);
    windows.set(key, window);
  }
  return window;
}

function writeHeaders(c: Context<EmulatorEnv>, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
}
