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
  /** Events per webhook delivery request. */
  webhookBatchMax: number;
  /** Attempts per webhook delivery before giving up. */
  webhookMaxAttempts: number;
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
  /** Base URL printed to users and used in webhook signatures' uri. */
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
  webhookBatchMax: 100,
  webhookMaxAttempts: 10,
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
