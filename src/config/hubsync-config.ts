import type { ConnectionId, SyncId } from "../core/ids.ts";
import type { FilterOperator, ListOperator, PresenceOperator, ValueOperator } from "./filter-operators.ts";

/** hubsync.yaml, read, interpolated, validated and resolved: what the rest of hubsync consumes. */
export interface HubsyncConfig {
  version: 1;
  store: StoreConfig;
  /** In file order; names are unique. */
  connections: readonly ConnectionConfig[];
  /** In file order; names are unique. */
  inbound: readonly InboundSyncConfig[];
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
