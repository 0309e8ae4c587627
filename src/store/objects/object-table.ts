import type { ValueKind } from "./value-kind.ts";

/** A HubSpot property that has a typed column in its object table. */
export interface ObjectColumn {
  property: string;
  column: string;
  /** The HubSpot type the column was created for; the column's SQL type follows it forever. */
  hubspotType: string;
  /** The type HubSpot reported last (differs after a type change in HubSpot). */
  latestHubspotType: string;
  kind: ValueKind;
}

/** Where one HubSpot object type is mirrored, as recorded in hs_object_types / hs_object_columns. */
export interface ObjectTable {
  objectType: string;
  tableName: string;
  /** The registry's version of this entry: changes whenever columns are added or retyped. */
  version: number;
  columns: readonly ObjectColumn[];
}

/** Columns every object table has, before its property columns. */
export const fixedObjectColumns = [
  "portal_id",
  "id",
  "properties_json",
  "created_at",
  "updated_at",
  "archived",
  "archived_at",
  "merged_into",
  "deleted_at",
  "last_seen_run",
  "synced_at",
] as const;

export type FixedObjectColumn = (typeof fixedObjectColumns)[number];
