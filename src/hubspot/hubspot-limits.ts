/** A portal's HubSpot subscription tier: it sets a private app's burst budget. */
export type HubSpotTier = "starter" | "professional" | "enterprise";

/** A rolling-window budget: at most `perWindow` calls in any `windowMs`. */
export interface RollingBudgetLimit {
  perWindow: number;
  windowMs: number;
}

/** How failed attempts are retried (see `retry-policy.ts` for which failures are retried). */
export interface RetryLimits {
  /** Attempts per request for 5xx, 423, 477 and network failures, the first included. */
  attempts: number;
  /** Extra attempts after 429 answers: those are waited out, not backed off, so they get their own count. */
  rateLimitAttempts: number;
  /** First back-off; doubles per attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Deadline of one attempt; a request that outlives it is aborted and retried. */
  attemptTimeoutMs: number;
}

/**
 * Every limit HubSpot imposes that the client respects, in one object with HubSpot's values
 * as defaults (hubspot-api-notes §2–§5, §8–§9). Tests shrink them to hit boundaries cheaply.
 */
export interface HubSpotLimits {
  /** `limit` of a list page (GET /crm/v3/objects/{type}); HubSpot's max is 100. */
  listPageSize: number;
  /** HubSpot lowers a list page to 50 when propertiesWithHistory is asked for. */
  historyPageSize: number;
  /** `limit` of a search page; HubSpot's max is 200. */
  searchPageSize: number;
  /** Results one search query can page through; past it HubSpot answers 400. */
  searchResultCap: number;
  searchMaxFiltersPerGroup: number;
  searchMaxFiltersTotal: number;
  /** Inputs per CRM batch call. */
  batchSize: number;
  /** Inputs per v4 association batch read. */
  associationBatchSize: number;
  /** Inputs per v4 association batch write (create, associate default, archive, labels archive). */
  associationWriteBatchSize: number;
  /**
   * Record ids per list membership edit (`PUT /crm/v3/lists/{id}/memberships/add|remove`).
   * HubSpot documents no maximum for v3; the v1 lists API took 500, which v3 accepts.
   */
  listMembershipWriteSize: number;
  /** Filter groups (ORed) in one search. */
  searchMaxFilterGroups: number;
  /** Values in one `IN` filter of a search. */
  searchMaxInValues: number;
  /** Owners per page (HubSpot allows up to 500). */
  ownersPageSize: number;
  /** Lists per `POST /crm/v3/lists/search` page (HubSpot allows up to 500). */
  listsPageSize: number;
  /** Memberships per page (HubSpot allows up to 250). */
  membershipsPageSize: number;
  /** Longest URL sent; HubSpot answers 414 somewhere past 8,000 characters. */
  maxUrlLength: number;
  /** Most characters of property names carried by one GET; the rest travel in a batch-read body. */
  propertyChunkChars: number;
  retry: RetryLimits;
  /** Refresh an OAuth access token this long before it expires (capped at half its lifetime). */
  tokenRefreshMarginMs: number;
  /** Burst budgets per 10 s: private apps by tier, public OAuth apps per installing portal. */
  burst: Record<HubSpotTier, number> & { oauth: number; windowMs: number };
  /** The CRM search endpoints' own budget: 5 per second, and no headers report it. */
  search: RollingBudgetLimit;
  /**
   * Added to a rolling window before a slot is reused: HubSpot stamps a call when it arrives,
   * a little after we sent it, so its window frees a little after ours.
   */
  rateWindowSlackMs: number;
}

export const hubspotLimits: HubSpotLimits = {
  listPageSize: 100,
  historyPageSize: 50,
  searchPageSize: 200,
  searchResultCap: 10_000,
  searchMaxFiltersPerGroup: 6,
  searchMaxFiltersTotal: 18,
  batchSize: 100,
  associationBatchSize: 1_000,
  associationWriteBatchSize: 2_000,
  listMembershipWriteSize: 500,
  searchMaxFilterGroups: 5,
  searchMaxInValues: 100,
  ownersPageSize: 500,
  listsPageSize: 500,
  membershipsPageSize: 250,
  maxUrlLength: 8_000,
  propertyChunkChars: 6_000,
  retry: { attempts: 6, rateLimitAttempts: 10, baseDelayMs: 500, maxDelayMs: 30_000, attemptTimeoutMs: 60_000 },
  tokenRefreshMarginMs: 5 * 60_000,
  burst: { starter: 100, professional: 190, enterprise: 190, oauth: 110, windowMs: 10_000 },
  search: { perWindow: 5, windowMs: 1_000 },
  rateWindowSlackMs: 50,
};

/** Limits as callers give them: any field, nested ones partly. */
export type HubSpotLimitsInput = Partial<Omit<HubSpotLimits, "retry" | "burst" | "search">> & {
  retry?: Partial<RetryLimits>;
  burst?: Partial<HubSpotLimits["burst"]>;
  search?: Partial<RollingBudgetLimit>;
};

export function resolveLimits(input: HubSpotLimitsInput = {}): HubSpotLimits {
  const { retry, burst, search, ...rest } = input;
  return {
    ...hubspotLimits,
    ...rest,
    retry: { ...hubspotLimits.retry, ...retry },
    burst: { ...hubspotLimits.burst, ...burst },
    search: { ...hubspotLimits.search, ...search },
  };
}
