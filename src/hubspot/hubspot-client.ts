import { systemClock, type Clock } from "../core/clock.ts";
import type { HubSpotId } from "../core/ids.ts";
import { silentLogger, type Logger } from "../core/logger.ts";
import { privateAppAuthorizer, type Authorizer } from "./authorizer.ts";
import { batchRead, type BatchReadOptions, type BatchReadPage } from "./batch-read.ts";
import { ClientStats, type HubSpotClientStats } from "./client-stats.ts";
import type { FetchLike } from "./fetch-like.ts";
import type { HubSpotAuth, OAuthTokens } from "./hubspot-auth.ts";
import { resolveLimits, type HubSpotLimits, type HubSpotLimitsInput, type HubSpotTier } from "./hubspot-limits.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";
import { listObjects, type ListObjectsOptions } from "./list-objects.ts";
import { OAuthAuthorizer } from "./oauth-authorizer.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { readAssociations, type AssociationRow } from "./read-associations.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { readListMemberships, readLists, type HubSpotList, type ListMembership, type ListsOptions } from "./read-lists.ts";
import { readOwners, type HubSpotOwner, type OwnersOptions } from "./read-owners.ts";
import { readPipelines, type HubSpotPipeline } from "./read-pipelines.ts";
import { readProperties, type HubSpotProperty, type PropertiesOptions } from "./read-properties.ts";
import { readSchemas, type HubSpotSchema } from "./read-schemas.ts";
import { searchModifiedSince, type ModifiedPage, type SearchModifiedSinceOptions } from "./search-modified-since.ts";
import { searchObjects, type SearchObjectsOptions } from "./search-objects.ts";
import { readTokenInfo, type TokenInfo } from "./token-info.ts";
import { Transport } from "./transport.ts";

export interface HubSpotClientOptions {
  /** `https://api.hubapi.com`, or an emulator's base URL. */
  baseUrl: string;
  auth: HubSpotAuth;
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  /** HubSpot's limits, shrunk in tests; anything left out keeps HubSpot's value. */
  limits?: HubSpotLimitsInput;
  /** The portal's tier, which sets a private app's burst budget until HubSpot's headers say otherwise. */
  tier?: HubSpotTier;
  /** Called after every OAuth refresh: store the tokens, since the refresh token may have rotated. */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
  /** Source of back-off jitter. */
  random?: () => number;
}

/** Ids to read: any iterable, so callers can stream them from a store page by page. */
export type IdSource = Iterable<HubSpotId | string> | AsyncIterable<HubSpotId | string>;

/**
 * hubsync's HubSpot client for one portal connection. No global state: every client has its
 * own token, rate budgets and statistics, so one process can serve many portals. Reads are
 * `AsyncIterable`s of pages. Failures are thrown as `HubsyncError` with a code from
 * `core/error-code.ts`, after the retry policy (`retry-policy.ts`) has done what it can.
 */
export interface HubSpotClient {
  readonly limits: HubSpotLimits;
  listObjects(type: string, options?: ListObjectsOptions): AsyncIterable<HubSpotPage<HubSpotRecord>>;
  searchObjects(type: string, options?: SearchObjectsOptions): AsyncIterable<HubSpotPage<HubSpotRecord>>;
  searchModifiedSince(type: string, options?: SearchModifiedSinceOptions): AsyncIterable<ModifiedPage>;
  batchRead(type: string, ids: IdSource, options?: BatchReadOptions): AsyncIterable<BatchReadPage>;
  readAssociations(fromType: string, toType: string, ids: IdSource, options?: ReadOptions): AsyncIterable<HubSpotPage<AssociationRow>>;
  properties(type: string, options?: PropertiesOptions): Promise<HubSpotProperty[]>;
  schemas(options?: ReadOptions): Promise<HubSpotSchema[]>;
  owners(options?: OwnersOptions): AsyncIterable<HubSpotPage<HubSpotOwner>>;
  pipelines(type: "deals" | "tickets", options?: ReadOptions): Promise<HubSpotPipeline[]>;
  lists(options?: ListsOptions): AsyncIterable<HubSpotPage<HubSpotList>>;
  listMemberships(listId: string, options?: ReadOptions): AsyncIterable<HubSpotPage<ListMembership>>;
  tokenInfo(options?: ReadOptions): Promise<TokenInfo>;
  accessTokenScopes(options?: ReadOptions): Promise<string[]>;
  /** A copy of the counters so far. */
  stats(): HubSpotClientStats;
}

export function createHubSpotClient(options: HubSpotClientOptions): HubSpotClient {
  const limits = resolveLimits(options.limits);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const stats = new ClientStats();
  const { auth } = options;
  const limiter = new RateLimiter(limits, auth.kind === "oauth" ? "oauth" : (options.tier ?? "starter"), clock, stats);
  const transport = new Transport({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    logger,
    limits,
    random: options.random ?? Math.random,
    limiter,
    stats,
  });
  const authorizer: Authorizer =
    auth.kind === "oauth"
      ? new OAuthAuthorizer(auth, { transport, clock, logger, stats, marginMs: limits.tokenRefreshMarginMs, onTokens: options.onTokens })
      : privateAppAuthorizer(auth.token);
  transport.useAuthorizer(authorizer);
  const ctx: ReadContext = { transport, limits, baseUrl: options.baseUrl, logger };

  const tokenInfo = async (read: ReadOptions = {}): Promise<TokenInfo> => readTokenInfo(ctx, auth.kind, await authorizer.current(), read);
  return {
    limits,
    listObjects: (type, read) => listObjects(ctx, type, read),
    searchObjects: (type, read) => searchObjects(ctx, type, read),
    searchModifiedSince: (type, read) => searchModifiedSince(ctx, type, read),
    batchRead: (type, ids, read) => batchRead(ctx, type, ids, read),
    readAssociations: (fromType, toType, ids, read) => readAssociations(ctx, fromType, toType, ids, read),
    properties: (type, read) => readProperties(ctx, type, read),
    schemas: (read) => readSchemas(ctx, read),
    owners: (read) => readOwners(ctx, read),
    pipelines: (type, read) => readPipelines(ctx, type, read),
    lists: (read) => readLists(ctx, read),
    listMemberships: (listId, read) => readListMemberships(ctx, listId, read),
    tokenInfo,
    accessTokenScopes: async (read) => (await tokenInfo(read)).scopes,
    stats: () => stats.snapshot(),
  };
}
