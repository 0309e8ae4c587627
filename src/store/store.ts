import type { OAuthTokens } from "./oauth/oauth-tokens.ts";
import type { HubsyncError } from "../core/hubsync-error.ts";
import type { HubSpotId, PortalId, RunId, SyncId } from "../core/ids.ts";
import type { Result } from "../core/result.ts";
import type { AssociationQuery } from "./associations/list-associations.ts";
import type { Association, AssociationInput, ReplaceAssociationsResult } from "./associations/association.ts";
import type { ListInput, OwnerInput, PipelineInput } from "./crm/crm-inputs.ts";
import type { HubSpotList, Owner, Pipeline } from "./crm/crm-records.ts";
import type { ReplaceMembershipsResult } from "./crm/replace-list-memberships.ts";
import type { ReplacePipelinesResult } from "./crm/replace-pipelines.ts";
import type { PropertyHistoryEntry, PropertyHistoryInput } from "./history/property-history.ts";
import type { UpsertPropertyHistoryResult } from "./history/upsert-property-history.ts";
import type { EnsureObjectTableResult } from "./objects/ensure-object-table.ts";
import type { MarkMergedResult } from "./objects/mark-merged.ts";
import type { ObjectRecordInput } from "./objects/object-record-input.ts";
import type { ObjectTable } from "./objects/object-table.ts";
import type { ObjectPropertyInput } from "./objects/plan-columns.ts";
import type { RowFilter, StreamRecordsOptions } from "./objects/read-records.ts";
import type { StoredRecord } from "./objects/stored-record.ts";
import type { UpsertRecordsResult } from "./objects/upsert-records.ts";
import type { StoreKind } from "./sql-flavor.ts";
import type { StoreTx } from "./store-tx.ts";
import type { AuditEntry, AuditEntryInput } from "./sync-state/audit-entry.ts";
import type { AuditQuery } from "./sync-state/audit-log.ts";
import type { CreateRunInput } from "./sync-state/create-run.ts";
import type { CursorKey, CursorState } from "./sync-state/cursor-state.ts";
import type { OutboundAssociation } from "./outbound/outbound-associations.ts";
import type { OutboundCounts } from "./outbound/outbound-counts.ts";
import type { OutboundList } from "./outbound/outbound-lists.ts";
import type { OutboundOrphan } from "./outbound/outbound-orphans.ts";
import type { OutboundRow, OutboundRowInput } from "./outbound/outbound-row.ts";
import type { OutboundRowQuery } from "./outbound/scan-outbound-rows.ts";
import type { StoreTarget } from "./store-target.ts";
import type { ListRunsQuery } from "./sync-state/read-runs.ts";
import type { RunStatus } from "./sync-state/run-status.ts";
import type { SyncRun } from "./sync-state/sync-run.ts";
import type { RunPatch } from "./sync-state/transition-run.ts";

/**
 * hubsync's database: the HubSpot mirror and the sync state, the same on SQLite and PostgreSQL.
 * Writes take the transaction they belong to; reads take one optionally (pass it when reading
 * inside store.transaction — a store-level call there throws rather than deadlock).
 * Timestamps in and out are ISO-8601 text.
 */
export interface Store {
  readonly kind: StoreKind;
  /** The database the store was opened on: outbound syncs read `table` and `query` sources there. */
  readonly target: StoreTarget;
  /** Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. Not nestable. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /** Creates the object type's table or adds columns for new properties (see ensure-object-table.ts). */
  ensureObjectTable(objectType: string, properties: readonly ObjectPropertyInput[]): Promise<EnsureObjectTableResult>;
  objectTable(objectType: string): Promise<ObjectTable | undefined>;
  objectTables(): Promise<ObjectTable[]>;

  upsertRecords(tx: StoreTx, portal: PortalId, objectType: string, records: readonly ObjectRecordInput[], runId: RunId): Promise<UpsertRecordsResult>;
  markArchived(tx: StoreTx, portal: PortalId, objectType: string, ids: readonly string[], at: string): Promise<HubSpotId[]>;
  markDeleted(tx: StoreTx, portal: PortalId, objectType: string, ids: readonly string[], at: string): Promise<HubSpotId[]>;
  markMerged(tx: StoreTx, portal: PortalId, objectType: string, loserId: string, survivorId: string, at: string): Promise<MarkMergedResult>;
  sweepUnseen(tx: StoreTx, portal: PortalId, objectType: string, runId: RunId, at: string): Promise<HubSpotId[]>;
  replaceAssociations(
    tx: StoreTx,
    portal: PortalId,
    fromType: string,
    toType: string,
    fromIds: readonly string[],
    rows: readonly AssociationInput[],
  ): Promise<ReplaceAssociationsResult>;
  upsertPropertyHistory(tx: StoreTx, portal: PortalId, objectType: string, entries: readonly PropertyHistoryInput[]): Promise<UpsertPropertyHistoryResult>;
  upsertOwners(tx: StoreTx, portal: PortalId, owners: readonly OwnerInput[]): Promise<number>;
  replacePipelines(tx: StoreTx, portal: PortalId, objectType: string, pipelines: readonly PipelineInput[]): Promise<ReplacePipelinesResult>;
  upsertLists(tx: StoreTx, portal: PortalId, lists: readonly ListInput[]): Promise<number>;
  replaceListMemberships(tx: StoreTx, portal: PortalId, listId: string, recordIds: readonly string[]): Promise<ReplaceMembershipsResult>;

  getCursor(key: CursorKey, tx?: StoreTx): Promise<CursorState | undefined>;
  /** Fails with STORE_CONFLICT when the stored version is not `expectedVersion` (0 = none yet). */
  putCursor(tx: StoreTx, key: CursorKey, cursor: unknown, expectedVersion: number): Promise<Result<CursorState, HubsyncError>>;
  cursors(sync: SyncId, tx?: StoreTx): Promise<CursorState[]>;
  /** Keeps a connection's newest OAuth tokens (a refresh token HubSpot returned replaces the configured one). */
  saveOAuthTokens(connection: string, tokens: OAuthTokens): Promise<void>;
  loadOAuthTokens(): Promise<Map<string, OAuthTokens>>;

  createRun(input: CreateRunInput, tx?: StoreTx): Promise<SyncRun>;
  /** Fails with RUN_ILLEGAL_TRANSITION when the lifecycle forbids it, RUN_NOT_FOUND for an unknown id. */
  transitionRun(id: RunId, to: RunStatus, patch?: RunPatch, tx?: StoreTx): Promise<Result<SyncRun, HubsyncError>>;
  recordRunProgress(id: RunId, patch: RunPatch, tx?: StoreTx): Promise<Result<SyncRun, HubsyncError>>;
  getRun(id: RunId, tx?: StoreTx): Promise<SyncRun | undefined>;
  listRuns(query?: ListRunsQuery, tx?: StoreTx): Promise<SyncRun[]>;
  appendAudit(entries: readonly AuditEntryInput[], tx?: StoreTx): Promise<void>;
  auditEntries(runId: RunId, query?: AuditQuery, tx?: StoreTx): Promise<AuditEntry[]>;

  countRows(portal: PortalId, objectType: string, filter?: RowFilter, tx?: StoreTx): Promise<number>;
  getRecord(portal: PortalId, objectType: string, id: string, tx?: StoreTx): Promise<StoredRecord | undefined>;
  /** Every row in id order, a batch at a time: memory stays flat whatever the table's size. */
  streamRecords(portal: PortalId, objectType: string, options?: StreamRecordsOptions): AsyncIterable<StoredRecord>;
  associations(portal: PortalId, query: AssociationQuery, tx?: StoreTx): Promise<Association[]>;
  survivorOf(portal: PortalId, objectType: string, id: string, tx?: StoreTx): Promise<HubSpotId | undefined>;
  propertyHistory(portal: PortalId, objectType: string, objectId: string, property?: string, tx?: StoreTx): Promise<PropertyHistoryEntry[]>;
  owners(portal: PortalId, tx?: StoreTx): Promise<Owner[]>;
  pipelines(portal: PortalId, objectType: string, tx?: StoreTx): Promise<Pipeline[]>;
  lists(portal: PortalId, tx?: StoreTx): Promise<HubSpotList[]>;
  listMembers(portal: PortalId, listId: string, tx?: StoreTx): Promise<string[]>;

  // Outbound syncs' state (see outbound/): row → record, hashes, what each sync wrote.
  outboundRows(sync: SyncId, portal: PortalId, keys: readonly string[], tx?: StoreTx): Promise<Map<string, OutboundRow>>;
  putOutboundRows(tx: StoreTx, sync: SyncId, portal: PortalId, rows: readonly OutboundRowInput[]): Promise<void>;
  /** Stamps the stored rows among `keys` as read by `run`. */
  markOutboundSeen(tx: StoreTx, sync: SyncId, portal: PortalId, keys: readonly string[], run: RunId): Promise<void>;
  setOutboundListMembers(tx: StoreTx, sync: SyncId, portal: PortalId, keys: readonly string[] | "all", member: boolean): Promise<void>;
  /** A sync's rows page by page in (portal, key) order. */
  scanOutboundRows(sync: SyncId, query?: OutboundRowQuery): AsyncIterable<OutboundRow[]>;
  countOutboundRows(sync: SyncId, portal?: PortalId, tx?: StoreTx): Promise<OutboundCounts>;
  outboundAssociations(sync: SyncId, portal: PortalId, rowKeys: readonly string[], tx?: StoreTx): Promise<OutboundAssociation[]>;
  replaceOutboundAssociations(tx: StoreTx, sync: SyncId, portal: PortalId, rowKeys: readonly string[], associations: readonly OutboundAssociation[]): Promise<void>;
  outboundOrphans(sync: SyncId, portal: PortalId, rowKeys?: readonly string[], tx?: StoreTx): Promise<OutboundOrphan[]>;
  replaceOutboundOrphans(tx: StoreTx, sync: SyncId, portal: PortalId, rowKeys: readonly string[], orphans: readonly OutboundOrphan[]): Promise<void>;
  outboundList(sync: SyncId, portal: PortalId, tx?: StoreTx): Promise<OutboundList | undefined>;
  putOutboundList(tx: StoreTx, sync: SyncId, portal: PortalId, list: OutboundList | undefined): Promise<void>;

  /** Releases the connection(s). The store is unusable afterwards. */
  close(): Promise<void>;
}
