import type { ConnectionId, SyncId } from "../core/ids.ts";
import type { FieldMap } from "../mapping/field-map-schema.ts";
import type { NumberFormat } from "../mapping/number-format.ts";
import type { PropertyType } from "../mapping/property-definition.ts";
import type { FilterOperator, ListOperator, PresenceOperator, ValueOperator } from "./filter-operators.ts";

/** hubsync.yaml, read, interpolated, validated and resolved: what the rest of hubsync consumes. */
export interface HubsyncConfig {
  version: 1;
  store: StoreConfig;
  /** In file order; names are unique. */
  connections: readonly ConnectionConfig[];
  /** In file order; names are unique. */
  inbound: readonly InboundSyncConfig[];
  /** In file order; names are unique, and never those of an inbound sync. */
  outbound: readonly OutboundSyncConfig[];
}

/** Where the mirror lives. A relative SQLite path is resolved against the config file's folder. */
export type StoreConfig = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** The HubSpot subscription tier: sizes the rate budget the client assumes before HubSpot's headers say more. */
export type HubSpotTier = "starter" | "professional" | "enterprise";

export type AuthConfig = PrivateAppAuthConfig | OAuthConfig;

export interface PrivateAppAuthConfig {
  type: "private_app";
  token: string;
}

export interface OAuthConfig {
  type: "oauth";
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The scopes the grant must hold; when absent hubsync derives them from the syncs. */
  scopes?: readonly string[];
}

/** One HubSpot portal hubsync talks to. */
export interface ConnectionConfig {
  name: ConnectionId;
  /** No trailing slash. */
  baseUrl: string;
  tier: HubSpotTier;
  auth: AuthConfig;
}

/** When a sync runs by itself: on a 5-field cron expression, or only on demand. */
export type ScheduleConfig = CronScheduleConfig | { kind: "manual" };

export interface CronScheduleConfig {
  kind: "cron";
  /** Always 5 fields; `hourly` and `daily` are expanded. */
  cron: string;
  /** As written in the file. */
  text: string;
}

/** One HubSpot → store mirror. */
export interface InboundSyncConfig {
  name: SyncId;
  connection: ConnectionId;
  schedule: ScheduleConfig;
  /** In file order. */
  streams: readonly StreamConfig[];
}

export type SyncStrategy = "full_refresh" | "incremental" | "client_incremental";

/** `"all"` reads every property the object has; a list always includes the always-synced properties. */
export type PropertySelection = "all" | readonly string[];

export type StreamConfig =
  | ObjectStreamConfig
  | CustomObjectsStreamConfig
  | OwnersStreamConfig
  | PipelinesStreamConfig
  | ListsStreamConfig;

/** A stream of CRM records: a standard object or one named custom object. */
export interface ObjectStreamConfig {
  kind: "object";
  /** The key under `streams:`. */
  name: string;
  /** The object type to ask HubSpot for: a standard name, or a custom object's `2-…`, `p_…` or plain name. */
  objectType: string;
  custom: boolean;
  strategy: SyncStrategy;
  properties: PropertySelection;
  /** `lastmodifieddate` for contacts, `hs_lastmodifieddate` otherwise. */
  modifiedDateProperty: string;
  /** Properties whose full history is kept. */
  history: readonly string[];
  /** Object types whose associations to this object are read. */
  associations: readonly string[];
  /** Sweep archived (deleted) records and mark them in the store. */
  archived: boolean;
  /** ANDed. */
  filters: readonly FilterConfig[];
  pageSize: number;
}

/** Every custom object the portal has, discovered at run time, each with these options and all properties. */
export interface CustomObjectsStreamConfig {
  kind: "custom_objects";
  name: "custom_objects";
  strategy: SyncStrategy;
  associations: readonly string[];
  archived: boolean;
  pageSize: number;
}

export interface OwnersStreamConfig {
  kind: "owners";
  name: "owners";
  /** Also read deactivated owners. */
  archived: boolean;
}

export interface PipelinesStreamConfig {
  kind: "pipelines";
  name: "pipelines";
  /** The object types whose pipelines (with stages) are read. */
  objects: readonly string[];
}

export interface ListsStreamConfig {
  kind: "lists";
  name: "lists";
  /** Also read each list's member record ids. */
  memberships: boolean;
}

/** A filter value as written; HubSpot compares strings, numbers and booleans by their text. */
export type FilterValue = string | number | boolean;

/** One condition on a property; a stream's filters are ANDed. */
export type FilterConfig =
  | { property: string; operator: ValueOperator; value: FilterValue }
  | { property: string; operator: ListOperator; values: readonly FilterValue[] }
  | { property: string; operator: PresenceOperator };

export type { FilterOperator };

/** What an outbound sync does with each source row (see docs/configuration.md#outbound). */
export type OutboundMode = "create" | "update" | "upsert" | "mirror";

/** One database (or file) → HubSpot sync. */
export interface OutboundSyncConfig {
  name: SyncId;
  connection: ConnectionId;
  schedule: ScheduleConfig;
  source: OutboundSourceConfig;
  /** The source column whose value identifies a row (its stable identity across runs). */
  key: string;
  /** The HubSpot object type written: a standard name, or a custom object's name, `p_…` name or `2-…` id. */
  objectType: string;
  custom: boolean;
  /**
   * create: new rows only; update: existing records only (found by `match`); upsert: both;
   * mirror: upsert, and archive the records this sync created whose rows left the source.
   */
  mode: OutboundMode;
  /** How a row finds its HubSpot record; always present for update, upsert and mirror. */
  match?: OutboundMatchConfig;
  /** HubSpot property (internal name) → where its value comes from, in file order. */
  fields: FieldMap;
  /** How numbers written as text are read, for every field that does not set its own. */
  numberFormat?: NumberFormat;
  /** Create a mapped property HubSpot does not have (as a text property) instead of failing. */
  createMissingProperties: boolean;
  /** In file order. */
  associations: readonly OutboundAssociationConfig[];
  /** Keep a static list whose members are exactly the source's rows. */
  list?: OutboundListConfig;
  /** The custom object's schema, created in HubSpot when it does not exist. */
  customObject?: CustomObjectSchemaConfig;
  /** Plan only: report what would be written, write nothing. */
  dryRun: boolean;
}

/** Where an outbound sync's rows come from. File paths are resolved against the config file's folder. */
export type OutboundSourceConfig =
  | { kind: "table"; table: string }
  | { kind: "query"; query: string }
  | { kind: "csv"; path: string; delimiter: string }
  | { kind: "jsonl"; path: string };

/** A HubSpot property whose value identifies a record, and the source column holding that value. */
export interface OutboundMatchConfig {
  /** `email` (contacts), a property with hasUniqueValue, or `hs_object_id`. */
  property: string;
  column: string;
}

/** How association values in a column are written (see docs/configuration.md#associations). */
export type AssociationShape = "auto" | "list" | "csv" | "value_label" | "map";

/** How a value several records hold is resolved (see `associationResolutions`). */
export type AssociationResolution = "unique" | "most_recently_active" | "all";

/** Which records a derived association keeps: `open` drops deals and tickets in a closed stage. */
export type DerivedAssociationFilter = "all" | "open";

/** Where a derived association's targets come from. */
export interface OutboundThroughConfig {
  /** The index (in `associations`) of the association whose resolved records the targets are associated with. */
  association: number;
  only: DerivedAssociationFilter;
}

/** Associations written from one source column, or derived through another association. */
export interface OutboundAssociationConfig {
  /** The object type associated with. */
  toObjectType: string;
  /** The source column; for a derived association (`through`), the column of the association it goes through. */
  column: string;
  /** What the column's values are: `hs_object_id`, or a unique property of the target (email, domain, …). */
  by: string;
  /** The association label (must exist in HubSpot); absent: unlabelled, or labels from the values (value_label, map). */
  label?: string;
  shape: AssociationShape;
  /** Remove associations (of this sync's kind) whose pair left the source. */
  removeMissing: boolean;
  /** When the last label of a pair is removed, remove the pair's unlabelled association too. */
  removeDefaultWhenLastLabelRemoved: boolean;
  /** How a value several records hold is resolved; absent: `unique` (the row's association fails). */
  resolve?: AssociationResolution;
  /** Present for a derived association: the targets are read from HubSpot, not from a column. */
  through?: OutboundThroughConfig;
}

export interface OutboundListConfig {
  /** The list's name in HubSpot; the sync's name when not given. */
  name: string;
}

/** A custom object's schema as hubsync creates it. */
export interface CustomObjectSchemaConfig {
  name: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty: string;
  /** In file order; `uniqueProperty` is among them with hasUniqueValue. */
  properties: readonly CustomPropertyConfig[];
  uniqueProperty: string;
  /** Object types the custom object can be associated with. */
  associatedObjects: readonly string[];
}

export interface CustomPropertyConfig {
  name: string;
  label: string;
  type: PropertyType;
  /** HubSpot's form field type; derived from `type` when not given. */
  fieldType: string;
  /** Enumerations, and bool (Yes / No when not given). */
  options: readonly { label: string; value: string }[];
  hasUniqueValue: boolean;
}

export type { FieldMap, NumberFormat, PropertyType };
