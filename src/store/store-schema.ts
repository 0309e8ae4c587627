import type { ColumnType, Generated } from "kysely";

// Rows as the databases hold them (snake_case). Domain types live next to the code that maps
// them; a column type is the union of what the two drivers return, and the mappers in
// sql/read-value.ts normalise it.

/** ISO text on SQLite; timestamptz on PostgreSQL (read back as a Date). Written as ISO text. */
export type DbTimestamp = ColumnType<string | Date, string, string>;
export type DbNullableTimestamp = ColumnType<string | Date | null, string | null, string | null>;
/** integer 0/1 on SQLite, boolean on PostgreSQL. */
export type DbBool = ColumnType<boolean | number, boolean | number, boolean | number>;
/** text on SQLite (read back as a string), jsonb on PostgreSQL (read back parsed). Written as JSON text. */
export type DbJson = ColumnType<unknown, string, string>;
export type DbNullableJson = ColumnType<unknown, string | null, string | null>;

export interface DbAssociation {
  portal: string;
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  type_id: number;
  category: string;
  label: string | null;
  synced_at: DbTimestamp;
}

export interface DbPropertyHistory {
  portal: string;
  object_type: string;
  object_id: string;
  property: string;
  value: string | null;
  /** sha256 of the value: the unique key uses it because a btree cannot index long text. */
  value_hash: string;
  timestamp: DbTimestamp;
  source_type: string | null;
  source_id: string | null;
  updated_by_user_id: string | null;
  synced_at: DbTimestamp;
}

export interface DbOwner {
  portal: string;
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  user_id: string | null;
  teams_json: DbJson;
  created_at: DbNullableTimestamp;
  updated_at: DbNullableTimestamp;
  archived: DbBool;
  synced_at: DbTimestamp;
}

export interface DbPipeline {
  portal: string;
  object_type: string;
  id: string;
  label: string;
  display_order: number;
  archived: DbBool;
  created_at: DbNullableTimestamp;
  updated_at: DbNullableTimestamp;
  synced_at: DbTimestamp;
}

export interface DbPipelineStage {
  portal: string;
  object_type: string;
  pipeline_id: string;
  id: string;
  label: string;
  display_order: number;
  metadata_json: DbJson;
  archived: DbBool;
  synced_at: DbTimestamp;
}

export interface DbList {
  portal: string;
  id: string;
  name: string;
  object_type_id: string;
  processing_type: string;
  size: number | null;
  created_at: DbNullableTimestamp;
  updated_at: DbNullableTimestamp;
  deleted_at: DbNullableTimestamp;
  synced_at: DbTimestamp;
}

export interface DbListMembership {
  portal: string;
  list_id: string;
  record_id: string;
  synced_at: DbTimestamp;
}

export interface DbMergedId {
  portal: string;
  object_type: string;
  merged_id: string;
  survivor_id: string;
  merged_at: DbTimestamp;
}

export interface DbObjectType {
  object_type: string;
  table_name: string;
  /** Bumped whenever the type's columns change, so other processes notice their cached copy is stale. */
  version: number;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface DbObjectColumn {
  object_type: string;
  property: string;
  column_name: string;
  /** The HubSpot type the column was created for; its SQL type never changes afterwards. */
  hubspot_type: string;
  /** The type HubSpot reported last; differs from hubspot_type after a type change. */
  latest_hubspot_type: string;
  added_at: DbTimestamp;
}

export interface DbSyncCursor {
  sync: string;
  stream: string;
  portal: string;
  cursor_json: DbJson;
  version: number;
  updated_at: DbTimestamp;
}

export interface DbOAuthTokens {
  connection: string;
  refresh_token: string;
  access_token: string;
  expires_at: DbTimestamp;
  updated_at: DbTimestamp;
}

export interface DbSyncRun {
  id: string;
  sync: string;
  status: string;
  started_at: DbTimestamp;
  finished_at: DbNullableTimestamp;
  counts_json: DbJson;
  api_calls: number;
  errors_json: DbJson;
  error_message: string | null;
}

export interface DbAuditEntry {
  id: Generated<number>;
  run_id: string | null;
  at: DbTimestamp;
  level: string;
  stream: string | null;
  record_id: string | null;
  action: string;
  message: string;
  details_json: DbNullableJson;
}

/** One source row of an outbound sync and the HubSpot record it became. */
export interface DbOutboundRow {
  sync: string;
  portal: string;
  row_key: string;
  hubspot_id: string | null;
  status: string;
  error: string | null;
  hash: string | null;
  properties_hash: string | null;
  pending_hash: string | null;
  targets_json: DbNullableJson;
  created_by_sync: DbBool;
  list_member: DbBool;
  first_synced_at: DbNullableTimestamp;
  last_synced_at: DbNullableTimestamp;
  last_seen_run: string | null;
  archived_at: DbNullableTimestamp;
}

/** An association an outbound sync wrote (label '' = the unlabelled default). */
export interface DbOutboundAssociation {
  sync: string;
  portal: string;
  row_key: string;
  association: string;
  from_id: string;
  to_type: string;
  to_id: string;
  label: string;
  synced_at: DbTimestamp;
}

export interface DbOutboundList {
  sync: string;
  portal: string;
  list_id: string;
  name: string;
  object_type_id: string;
  updated_at: DbTimestamp;
}

export interface DbOutboundOrphan {
  sync: string;
  portal: string;
  row_key: string;
  association: string;
  target_key: string;
  to_type: string;
  since: DbTimestamp;
  run_id: string | null;
}

/** The fixed tables, for Kysely. Per-object-type tables are dynamic and queried by name. */
export interface StoreSchema {
  hs_associations: DbAssociation;
  hs_property_history: DbPropertyHistory;
  hs_owners: DbOwner;
  hs_pipelines: DbPipeline;
  hs_pipeline_stages: DbPipelineStage;
  hs_lists: DbList;
  hs_list_memberships: DbListMembership;
  hs_merged_ids: DbMergedId;
  hs_object_types: DbObjectType;
  hs_object_columns: DbObjectColumn;
  sync_cursors: DbSyncCursor;
  oauth_tokens: DbOAuthTokens;
  sync_runs: DbSyncRun;
  audit_log: DbAuditEntry;
  outbound_rows: DbOutboundRow;
  outbound_associations: DbOutboundAssociation;
  outbound_lists: DbOutboundList;
  outbound_orphans: DbOutboundOrphan;
}

/** Names no object table may take. */
export const fixedTableNames: ReadonlySet<string> = new Set([
  "hs_associations",
  "hs_property_history",
  "hs_owners",
  "hs_pipelines",
  "hs_pipeline_stages",
  "hs_lists",
  "hs_list_memberships",
  "hs_merged_ids",
  "hs_object_types",
  "hs_object_columns",
  "sync_cursors",
  "sync_runs",
  "audit_log",
  "outbound_rows",
  "outbound_associations",
  "outbound_lists",
  "outbound_orphans",
  "hubsync_migrations",
  "hubsync_migrations_lock",
]);
