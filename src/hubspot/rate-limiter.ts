import type { Clock } from "../core/clock.ts";
import type { ClientStats } from "./client-stats.ts";
import type { HubSpotLimits, HubSpotTier } from "./hubspot-limits.ts";
import { RollingBudget } from "./rolling-budget.ts";

/** Which of HubSpot's budgets a request draws on. Search has its own; OAuth and token calls none. */
export type RateBudgetName = "burst" | "search" | "none";

const header = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
};

/**
 * One portal connection's pacing: the burst window (sized by tier, then by what HubSpot's
 * `X-HubSpot-RateLimit-*` headers say) and the search window (5/s, no headers). Every request
 * takes a slot before it is sent, so a long sync runs at the limit without crossing it.
 * One instance per client: clients for different portals never share a budget.
 */
export class RateLimiter {
  readonly #burst: RollingBudget;
  readonly #search: RollingBudget;
  readonly #clock: Clock;
  readonly #stats: ClientStats;

  constructor(limits: HubSpotLimits, tier: HubSpotTier | "oauth", clock: Clock, stats: ClientStats) {
    this.#burst = new RollingBudget(limits.burst[tier], limits.burst.windowMs, limits.rateWindowSlackMs);
    this.#search = new RollingBudget(limits.search.perWindow, limits.search.windowMs, limits.rateWindowSlackMs);
    this.#clock = clock;
    this.#stats = stats;
  }

  /** Waits (counted) until `budget` has a free slot, then takes it. */
  async acquire(budget: RateBudgetName, signal?: AbortSignal): Promise<void> {
    if (budget === "none") return;
    const window = this.#window(budget);
    for (;;) {
      const now = this.#clock.now();
      const wait = window.waitMs(now);
      if (wait === 0) {
        window.take(now);
        return;
      }
      this.#stats.rateLimitWait(wait);
      await this.#clock.sleep(wait, signal);
    }
  }

  /** Learns from an answer's rate-limit headers: the real budget, and calls others made on it. */
  observe(budget: RateBudgetName, headers: Headers): void {
    const daily = header(headers, "x-hubspot-ratelimit-daily-remaining");
    if (daily !== undefined) this.#stats.dailyRemaining(daily);
    if (budget !== "burst") return;
    const max = header(headers, "x-hubspot-ratelimit-max");
    const remaining = header(headers, "x-hubspot-ratelimit-remaining");
    const interval = header(headers, "x-hubspot-ratelimit-interval-milliseconds");
    if (max !== undefined && max > 0) this.#burst.limit = max;
    if (interval !== undefined && interval > 0) this.#burst.windowMs = interval;
    if (max !== undefined && remaining !== undefined) this.#burst.raiseTo(max - remaining, this.#clock.now());
  }

  /**
   * HubSpot said 429 although our count had room: someone else spends this budget. Count the
   * window as full, so the next attempt waits for it to free rather than hammering.
   */
  exhausted(budget: RateBudgetName): void {
    if (budget === "none") return;
    const window = this.#window(budget);
    window.raiseTo(window.limit, this.#clock.now());
  }

  #window(budget: "burst" | "search"): RollingBudget {
    return budget === "burst" ? this.#burst : this.#search;
  }
}
