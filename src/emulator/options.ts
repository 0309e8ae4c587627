/** Every limit and timing the emulator imposes, with HubSpot's values as defaults. Tests shrink them. */
export interface EmulatorLimits {
  /** Max `limit` on a list page (GET /crm/v3/objects/{type}). */
  listPageMax: number;
  /** Default `limit` on a list page. */
  listPageDefault: number;
  /** Max `limit` on a list page that asks for propertiesWithHistory. */
  historyPageMax: number;
  /** Max `limit` on a search page. */
  searchPageMax: number;
  /** Results a single search query can reach through paging. */
  searchResultCap: number;
  searchMaxFilterGroups: number;
  searchMaxFiltersPerGroup: number;
  searchMaxFiltersTotal: number;
  searchMaxQueryLength: number;
  /** Inputs per batch read/create/update/upsert/archive. */
  batchMaxInputs: number;
  /** Inputs per v4 association batch read. */
  associationReadMaxInputs: number;
  /** Inputs per v4 association batch create / archive. */
  associationWriteMaxInputs: number;
  /** Associations returned per page by the v4 single-record read. */
  associationPageMax: number;
  /** Longest request URL before 414 URI Too Long. */
  maxUrlLength: number;
  /** Default and max `limit` of an owners page (GET /crm/v3/owners/). */
  ownersPageDefault: number;
  ownersPageMax: number;
  /** Default and max `limit` of a list memberships page (GET /crm/v3/lists/{listId}/memberships). */
  listMembershipsPageDefault: number;
  listMembershipsPageMax: number;
  /** Default and max `count` of a lists search (POST /crm/v3/lists/search). */
  listSearchPageDefault: number;
  listSearchPageMax: number;
  /** Properties with `hasUniqueValue` one object type may have. */
  uniquePropertiesPerObject: number;
  /** How long an archived record stays restorable before it is purged for good. */
  archivedRetentionMs: number;
  /** How long an OAuth authorization code can be exchanged. */
  authorizationCodeTtlMs: number;
  /** Events per webhook delivery request. */
  webhookBatchMax: number;
  /** Attempts per webhook delivery before giving up. */
  webhookMaxAttempts: number;
  /** How long a webhook receiver may take to answer before the attempt counts as failed. */
  webhookTimeoutMs: number;
}

export type Tier = "starter" | "professional" | "enterprise";

export interface EmulatorOptions {
  /** Portal (hub) id of the default portal. */
  portalId: number;
  /** Fixed private-app token for the default portal; generated when absent. */
  token?: string;
  tier: Tier;
  /** ms between a write and the moment search sees it. */
  indexLagMs: number;
  /** OAuth access-token lifetime in seconds. */
  accessTokenTtlSeconds: number;
  /** Skip the consent page: /oauth/authorize redirects at once. */
  oauthAutoApprove: boolean;
  /** Base URL printed to users (`info()`) and used in owners' and list memberships' paging links. */
  baseUrl: string;
  /** Seed for every random choice (ids of tokens, faker data, fault dice). */
  seed: number;
  /** Turn rate limiting off entirely (benchmarks of the engine's own speed). */
  rateLimits: boolean;
  limits: EmulatorLimits;
}

export const hubspotLimits: EmulatorLimits = {
  listPageMax: 100,
  listPageDefault: 10,
  historyPageMax: 50,
  searchPageMax: 200,
  searchResultCap: 10_000,
  searchMaxFilterGroups: 5,
  searchMaxFiltersPerGroup: 6,
  searchMaxFiltersTotal: 18,
  searchMaxQueryLength: 3_000,
  batchMaxInputs: 100,
  associationReadMaxInputs: 1_000,
  associationWriteMaxInputs: 2_000,
  associationPageMax: 500,
  maxUrlLength: 8_192,
  ownersPageDefault: 100,
  ownersPageMax: 500,
  listMembershipsPageDefault: 100,
  listMembershipsPageMax: 250,
  listSearchPageDefault: 20,
  listSearchPageMax: 500,
  uniquePropertiesPerObject: 10,
  archivedRetentionMs: 90 * 24 * 3600 * 1000,
  authorizationCodeTtlMs: 10 * 60_000,
  webhookBatchMax: 100,
  webhookMaxAttempts: 10,
  webhookTimeoutMs: 5_000,
};

export const defaultOptions: EmulatorOptions = {
  portalId: 12345678,
  tier: "professional",
  indexLagMs: 50,
  accessTokenTtlSeconds: 1800,
  oauthAutoApprove: false,
  baseUrl: "http://hubspot.emulator",
  seed: 1,
  rateLimits: true,
  limits: hubspotLimits,
};

export type EmulatorOptionsInput = Partial<Omit<EmulatorOptions, "limits">> & { limits?: Partial<EmulatorLimits> };

export function resolveOptions(input: EmulatorOptionsInput = {}): EmulatorOptions {
  const { limits, ...rest } = input;
  return { ...defaultOptions, ...rest, limits: { ...hubspotLimits, ...limits } };
}
