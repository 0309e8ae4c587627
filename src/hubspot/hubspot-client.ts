import { systemClock, type Clock } from "../core/clock.ts";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { HubSpotId } from "../core/ids.ts";
import { silentLogger, type Logger } from "../core/logger.ts";
import { privateAppAuthorizer, type Authorizer } from "./authorizer.ts";
import { batchRead, type BatchReadOptions, type BatchReadPage } from "./batch-read.ts";
import { ClientStats, type HubSpotClientStats } from "./client-stats.ts";
import { countObjects, type CountObjectsOptions } from "./count-objects.ts";
import type { FetchLike } from "./fetch-like.ts";
import type { HubSpotAuth, OAuthTokens } from "./hubspot-auth.ts";
import { resolveLimits, type HubSpotLimits, type HubSpotLimitsInput, type HubSpotTier } from "./hubspot-limits.ts";
import type { HubSpotPage } from "./hubspot-page.ts";
import type { HubSpotRecord } from "./hubspot-record.ts";
import { listObjects, type ListObjectsOptions, type ListPage } from "./list-objects.ts";
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
import { associationLabels, createAssociationLabel, type AssociationLabel, type AssociationLabelInput } from "./association-labels.ts";
import type { AssociationOutcome, AssociationPair, TypedAssociationPair } from "./association-outcome.ts";
import { writeAssociations } from "./association-writes.ts";
import { batchArchive } from "./batch-archive.ts";
import { batchCreate } from "./batch-create.ts";
import { batchUpdate } from "./batch-update.ts";
import { batchUpsert } from "./batch-upsert.ts";
import type { DefinitionWrite } from "./create-definition.ts";
import { createOrUpdate } from "./create-or-update.ts";
import { createProperty, createPropertyGroup, createSchema, readSchema, type HubSpotPropertyGroup, type PropertyDefinition, type PropertyGroupDefinition, type SchemaDefinition } from "./definition-writes.ts";
import { createList, editListMembers, findListByName, type ListInput, type ListMembershipOutcome } from "./list-writes.ts";
import { searchByProperty, type SearchByPropertyOptions } from "./search-by-property.ts";
import type { WriteContext } from "./write-context.ts";
import type { CreateInput, CreateOptions, UpdateInput, UpdateOptions, UpsertInput, WriteOptions, WriteOutcome } from "./write-outcome.ts";

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
 * Batch writes answer an outcome per input instead: a bad row never fails its neighbours.
 */
export interface HubSpotClient {
  readonly limits: HubSpotLimits;
  listObjects(type: string, options?: ListObjectsOptions): AsyncIterable<ListPage>;
  searchObjects(type: string, options?: SearchObjectsOptions): AsyncIterable<HubSpotPage<HubSpotRecord>>;
  searchModifiedSince(type: string, options?: SearchModifiedSinceOptions): AsyncIterable<ModifiedPage>;
  /** Records a search matches (one call, one result asked for): HubSpot's `total`. */
  countObjects(type: string, options?: CountObjectsOptions): Promise<number | undefined>;
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

  // Writes: an outcome per input, in input order; thrown only when the whole call cannot proceed.
  /** Batch create; a taken unique value is a `conflict` naming the record. See `CreateOptions.idProperty` for lost answers. */
  batchCreate(type: string, inputs: readonly CreateInput[], options?: CreateOptions): Promise<WriteOutcome[]>;
  batchUpdate(type: string, inputs: readonly UpdateInput[], options?: UpdateOptions): Promise<WriteOutcome[]>;
  /** The preferred outbound write: by a unique property, never a second record. */
  batchUpsert(type: string, idProperty: string, inputs: readonly UpsertInput[], options?: WriteOptions): Promise<WriteOutcome[]>;
  batchArchive(type: string, ids: ReadonlyArray<HubSpotId | string>, options?: WriteOptions): Promise<WriteOutcome[]>;
  /** Upsert (with `idProperty`) or create, then update every conflict by the id HubSpot named. */
  createOrUpdate(type: string, inputs: readonly CreateInput[], options?: CreateOptions): Promise<WriteOutcome[]>;
  /** Labelled associations; a pair's labels become exactly the types sent (the default type stays). */
  createAssociations(fromType: string, toType: string, pairs: readonly TypedAssociationPair[], options?: WriteOptions): Promise<AssociationOutcome[]>;
  /** HubSpot's unlabelled default type, keeping any labels the pairs have. */
  createDefaultAssociations(fromType: string, toType: string, pairs: readonly AssociationPair[], options?: WriteOptions): Promise<AssociationOutcome[]>;
  /** Removes pairs entirely (every type between the two records). */
  archiveAssociations(fromType: string, toType: string, pairs: readonly AssociationPair[], options?: WriteOptions): Promise<AssociationOutcome[]>;
  /** Removes only the named labels from pairs; naming the default type removes the pair. */
  archiveAssociationLabels(fromType: string, toType: string, pairs: readonly TypedAssociationPair[], options?: WriteOptions): Promise<AssociationOutcome[]>;
  associationLabels(fromType: string, toType: string, options?: ReadOptions): Promise<AssociationLabel[]>;
  createAssociationLabel(fromType: string, toType: string, input: AssociationLabelInput, options?: ReadOptions): Promise<DefinitionWrite<AssociationLabel>>;
  createList(input: ListInput, options?: ReadOptions): Promise<DefinitionWrite<HubSpotList>>;
  findListByName(objectTypeId: string, name: string, options?: ReadOptions): Promise<HubSpotList | undefined>;
  addListMembers(listId: string, ids: ReadonlyArray<HubSpotId | string>, options?: ReadOptions): Promise<ListMembershipOutcome[]>;
  removeListMembers(listId: string, ids: ReadonlyArray<HubSpotId | string>, options?: ReadOptions): Promise<ListMembershipOutcome[]>;
  createProperty(type: string, definition: PropertyDefinition, options?: ReadOptions): Promise<DefinitionWrite<HubSpotProperty>>;
  createPropertyGroup(type: string, group: PropertyGroupDefinition, options?: ReadOptions): Promise<DefinitionWrite<HubSpotPropertyGroup>>;
  createSchema(definition: SchemaDefinition, options?: ReadOptions): Promise<DefinitionWrite<HubSpotSchema>>;
  /** One custom object's schema, or undefined when HubSpot has none by that name. */
  schema(type: string, options?: ReadOptions): Promise<HubSpotSchema | undefined>;
  /** Records whose (non-unique) `property` holds one of `values`, in as few searches as HubSpot allows. */
  searchByProperty(type: string, property: string, values: readonly string[], options?: SearchByPropertyOptions): Promise<Map<string, HubSpotRecord[]>>;
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
  const writes: WriteContext = { ...ctx, clock, random: options.random ?? Math.random, stats };

  const tokenInfo = async (read: ReadOptions = {}): Promise<TokenInfo> => {
    const token = await authorizer.current();
    try {
      return await readTokenInfo(ctx, auth.kind, token, read);
    } catch (error) {
      // HubSpot answers 404, not 401, for an access token it no longer knows (revoked, app
      // uninstalled): refresh once as after a 401, so the caller hears why (OAUTH_REFRESH_FAILED).
      if (!authorizer.refreshable || !(error instanceof HubsyncError) || error.code !== "HUBSPOT_NOT_FOUND") throw error;
      await authorizer.afterUnauthorized(token);
      return readTokenInfo(ctx, auth.kind, await authorizer.current(), read);
    }
  };
  return {
    limits,
    listObjects: (type, read) => listObjects(ctx, type, read),
    searchObjects: (type, read) => searchObjects(ctx, type, read),
    searchModifiedSince: (type, read) => searchModifiedSince(ctx, type, read),
    countObjects: (type, read) => countObjects(ctx, type, read),
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
    batchCreate: (type, inputs, write) => batchCreate(writes, type, inputs, write),
    batchUpdate: (type, inputs, write) => batchUpdate(writes, type, inputs, write),
    batchUpsert: (type, idProperty, inputs, write) => batchUpsert(writes, type, idProperty, inputs, write),
    batchArchive: (type, ids, write) => batchArchive(writes, type, ids, write),
    createOrUpdate: (type, inputs, write) => createOrUpdate(writes, type, inputs, write),
    createAssociations: (fromType, toType, pairs, write) => writeAssociations(writes, "create", fromType, toType, pairs, write),
    createDefaultAssociations: (fromType, toType, pairs, write) => writeAssociations(writes, "associate/default", fromType, toType, pairs, write),
    archiveAssociations: (fromType, toType, pairs, write) => writeAssociations(writes, "archive", fromType, toType, pairs, write),
    archiveAssociationLabels: (fromType, toType, pairs, write) => writeAssociations(writes, "labels/archive", fromType, toType, pairs, write),
    associationLabels: (fromType, toType, read) => associationLabels(ctx, fromType, toType, read),
    createAssociationLabel: (fromType, toType, input, write) => createAssociationLabel(writes, fromType, toType, input, write),
    createList: (input, write) => createList(writes, input, write),
    findListByName: (objectTypeId, name, read) => findListByName(ctx, objectTypeId, name, read),
    addListMembers: (listId, ids, write) => editListMembers(writes, "add", listId, ids, write),
    removeListMembers: (listId, ids, write) => editListMembers(writes, "remove", listId, ids, write),
    createProperty: (type, definition, write) => createProperty(writes, type, definition, write),
    createPropertyGroup: (type, group, write) => createPropertyGroup(writes, type, group, write),
    createSchema: (definition, write) => createSchema(writes, definition, write),
    schema: (type, read) => readSchema(ctx, type, read),
    searchByProperty: (type, property, values, read) => searchByProperty(ctx, type, property, values, read),
    stats: () => stats.snapshot(),
  };
}
