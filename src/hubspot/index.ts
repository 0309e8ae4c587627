/**
 * hubsync's HubSpot client: transport, auth and token refresh, the retry policy table, a
 * per-portal rate limiter, paging, search windowing, batch and association reads, metadata,
 * and the write side: batch create/update/upsert/archive with an outcome per input,
 * associations, lists, properties and schemas. Failures that stop a whole call are thrown as
 * `HubsyncError` (codes from `core/error-code.ts`).
 */
export { createHubSpotClient, type HubSpotClient, type HubSpotClientOptions, type IdSource } from "./hubspot-client.ts";
export type { HubSpotAuth, OAuthAuth, OAuthTokens, PrivateAppAuth } from "./hubspot-auth.ts";
export { hubspotLimits, resolveLimits, type HubSpotLimits, type HubSpotLimitsInput, type HubSpotTier, type RetryLimits, type RollingBudgetLimit } from "./hubspot-limits.ts";
export { callKinds, type CallKind, type HubSpotClientStats } from "./client-stats.ts";
export { retryPolicy, retryRuleFor, writeReplay, type Replay, type RetryAction, type RetryRule, type RetryRuleKey, type WriteKind } from "./retry-policy.ts";
export type { FetchLike } from "./fetch-like.ts";
export type { HubSpotPage } from "./hubspot-page.ts";
export type { EmbeddedAssociation, HubSpotRecord, PropertyHistoryEntry } from "./hubspot-record.ts";
export type { ReadOptions } from "./read-context.ts";
export type { ListObjectsOptions, ListPage } from "./list-objects.ts";
export type { CountObjectsOptions } from "./count-objects.ts";
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
export { clientErrorCategories, writeStatuses, type CreateInput, type CreateOptions, type PropertyValues, type UpdateInput, type UpdateOptions, type UpsertInput, type WriteError, type WriteOptions, type WriteOutcome, type WriteStatus } from "./write-outcome.ts";
export { associationCategories, type AssociationCategory, type AssociationOutcome, type AssociationPair, type AssociationTypeRef, type TypedAssociationPair } from "./association-outcome.ts";
export type { AssociationLabel, AssociationLabelInput } from "./association-labels.ts";
export type { DefinitionWrite } from "./create-definition.ts";
export type { HubSpotPropertyGroup, PropertyDefinition, PropertyGroupDefinition, SchemaDefinition } from "./definition-writes.ts";
export type { ListInput, ListMembershipOutcome } from "./list-writes.ts";
export type { SearchByPropertyOptions } from "./search-by-property.ts";
export { traceIdFor } from "./trace-id.ts";
