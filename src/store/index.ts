// hubsync's store: the HubSpot mirror and sync state over SQLite (better-sqlite3) and
// PostgreSQL (pg), one query layer (Kysely), the same migrations and behaviour on both.

export { openStore } from "./open-store.ts";
export type { Store } from "./store.ts";
export type { StoreTarget } from "./store-target.ts";
export type { StoreOptions } from "./store-options.ts";
export type { StoreTx } from "./store-tx.ts";
export type { StoreKind } from "./sql-flavor.ts";

export type { ObjectPropertyInput, PropertyTypeChange } from "./objects/plan-columns.ts";
export type { EnsureObjectTableResult } from "./objects/ensure-object-table.ts";
export type { ObjectTable, ObjectColumn } from "./objects/object-table.ts";
export type { ValueKind } from "./objects/value-kind.ts";
export { valueKindOf } from "./objects/value-kind.ts";
export type { TypedValue } from "./objects/coerce-value.ts";
export type { ObjectRecordInput, CoercionWarning } from "./objects/object-record-input.ts";
export type { UpsertRecordsResult } from "./objects/upsert-records.ts";
export type { MarkMergedResult } from "./objects/mark-merged.ts";
export type { StoredRecord } from "./objects/stored-record.ts";
export type { RowFilter, StreamRecordsOptions } from "./objects/read-records.ts";

export type { Association, AssociationInput, ReplaceAssociationsResult } from "./associations/association.ts";
export type { AssociationQuery } from "./associations/list-associations.ts";
export type { PropertyHistoryEntry, PropertyHistoryInput } from "./history/property-history.ts";
export type { UpsertPropertyHistoryResult } from "./history/upsert-property-history.ts";
export type { ListInput, OwnerInput, PipelineInput, PipelineStageInput } from "./crm/crm-inputs.ts";
export type { HubSpotList, Owner, Pipeline, PipelineStage } from "./crm/crm-records.ts";
export type { ReplacePipelinesResult } from "./crm/replace-pipelines.ts";
export type { ReplaceMembershipsResult } from "./crm/replace-list-memberships.ts";

export type { CursorKey, CursorState } from "./sync-state/cursor-state.ts";
export type { OAuthTokens as StoredOAuthTokens } from "./oauth/oauth-tokens.ts";
export { runStatuses, runTransitions, canTransition, isFinal, type RunStatus } from "./sync-state/run-status.ts";
export type { SyncRun, RunCounts, RunError } from "./sync-state/sync-run.ts";
export type { CreateRunInput } from "./sync-state/create-run.ts";
export type { RunPatch } from "./sync-state/transition-run.ts";
export type { ListRunsQuery } from "./sync-state/read-runs.ts";
export { auditLevels, type AuditEntry, type AuditEntryInput, type AuditLevel } from "./sync-state/audit-entry.ts";
export type { AuditQuery } from "./sync-state/audit-log.ts";

export { outboundRowStatuses, type OutboundRow, type OutboundRowInput, type OutboundRowStatus } from "./outbound/outbound-row.ts";
export type { OutboundRowQuery } from "./outbound/scan-outbound-rows.ts";
export type { OutboundAssociation } from "./outbound/outbound-associations.ts";
export type { OutboundOrphan } from "./outbound/outbound-orphans.ts";
export type { OutboundList } from "./outbound/outbound-lists.ts";
export type { OutboundCounts } from "./outbound/outbound-counts.ts";
