import type { Tier } from "../options.ts";

/** One private app's budgets on a portal of a given tier. */
export interface PrivateAppLimits {
  /** Calls per rolling burst window, per app. */
  burst: number;
  /** Calls per day, per account (every private app of the portal shares it). */
  daily: number;
}

/**
 * HubSpot's published rate limits in one place, so tests and benchmarks read the numbers
 * rather than repeat them. Source: ../../../../shared/hubspot-api-notes.md §2.
 */
export interface RateLimitTable {
  /** The burst window HubSpot reports in `X-HubSpot-RateLimit-Interval-Milliseconds`. */
  burstWindowMs: number;
  privateApp: Readonly<Record<Tier, PrivateAppLimits>>;
  /** The API limit increase add-on: a higher burst and more daily calls per pack bought. */
  apiLimitIncrease: { burst: number; dailyPerPack: number; maxPacks: number };
  /** Public OAuth apps: a burst per installing portal and no daily limit. */
  oauthApp: { burst: number };
  /** The CRM search endpoints' own budget, per token holder; no headers report it. */
  search: { perWindow: number; windowMs: number };
}

export const hubspotRateLimits: RateLimitTable = {
  burstWindowMs: 10_000,
  privateApp: {
    starter: { burst: 100, daily: 250_000 },
    professional: { burst: 190, daily: 625_000 },
    enterprise: { burst: 190, daily: 1_000_000 },
  },
  apiLimitIncrease: { burst: 250, dailyPerPack: 1_000_000, maxPacks: 2 },
  oauthApp: { burst: 110 },
  search: { perWindow: 5, windowMs: 1_000 },
};

/** A private app's budgets on a portal of `tier` that bought `packs` API limit increases. */
export function privateAppLimits(table: RateLimitTable, tier: Tier, packs: number): PrivateAppLimits {
  const base = table.privateApp[tier];
  if (packs <= 0) return base;
  const bought = Math.min(packs, table.apiLimitIncrease.maxPacks);
  return {
    burst: Math.max(base.burst, table.apiLimitIncrease.burst),
    daily: base.daily + bought * table.apiLimitIncrease.dailyPerPack,
  };
}
