/**
 * hubsync's HubSpot client: transport, auth and token refresh, the retry policy table, a
 * per-portal rate limiter, paging, search windowing, batch and association reads, metadata.
 * Failures are thrown as `HubsyncError` (codes from `core/error-code.ts`).
 */
export { createHubSpotClient, type HubSpotClient, type HubSpotClientOptions, type IdSource } from "./hubspot-client.ts";
export type { HubSpotAuth, OAuthAuth, OAuthTokens, PrivateAppAuth } from "./hubspot-auth.ts";
export { hubspotLimits, resolveLimits, type HubSpotLimits, type HubSpotLimitsInput, type HubSpotTier, type RetryLimits, type RollingBudgetLimit } from "./hubspot-limits.ts";
export { callKinds, type CallKind, type HubSpotClientStats } from "./client-stats.ts";
export { retryPolicy, retryRuleFor, type RetryAction, type RetryRule, type RetryRuleKey } from "./retry-policy.ts";
export type { FetchLike } from "./fetch-like.ts";
export type { HubSpotPage } from "./hubspot-page.ts";
export type { EmbeddedAssociation, HubSpotRecord, PropertyHistoryEntry } from "./hubspot-record.ts";
export type { ReadOptions } from "./read-context.ts";
export type { ListObjectsOptions } from "./list-objects.ts";
export type { SearchObjectsOptions } from "./search-objects.ts";
export type { ModifiedCursor, ModifiedPage, SearchModifiedSinceOptions } from "./search-modified-since.ts";
export { searchOperators, type SearchFilter, type SearchFilterGroup, type SearchOperator, type SearchSort } from "./search-call.ts";
export { modifiedDateProperty } from "./modified-date.ts";
export { compareIds } from "./compare-ids.ts";
export type { BatchReadOptions, BatchReadPage } from "./batch-read.ts";
export type { AssociationRow } from "./read-associations.ts";
export { propertyTypes, type HubSpotProperty, type PropertiesOptions } from "./read-properties.ts";
export type { HubSpotSchema } from "./read-schemas.ts";
export type { HubSpotOwner, OwnersOptions } from "./read-owners.ts";
export type { HubSpotPipeline } from "./read-pipelines.ts";
export type { HubSpotList, ListMembership, ListsOptions } from "./read-lists.ts";
export type { TokenInfo } from "./token-info.ts";
