import { z } from "zod";
import { hubSpotId, portalId, runId, type HubSpotId, type PortalId, type RunId } from "../../core/ids.ts";
import { readBool, readJson, readRequiredText, readRequiredTimestamp, readText, readTimestamp } from "../sql/read-value.ts";
import type { TypedValue } from "./coerce-value.ts";
import type { ObjectColumn, ObjectTable } from "./object-table.ts";

/** A mirrored HubSpot record as stored. */
export interface StoredRecord {
  portal: PortalId;
  objectType: string;
  id: HubSpotId;
  /** The raw properties, as HubSpot sent them. */
  properties: Record<string, string | null>;
  /** The typed columns, by property name (NULL where the value did not fit). */
  values: Record<string, TypedValue>;
  createdAt: string | null;
  updatedAt: string | null;
  archived: boolean;
  archivedAt: string | null;
  mergedInto: HubSpotId | null;
  /** Set once the record is gone from HubSpot (archived, deleted, merged away, or swept). */
  deletedAt: string | null;
  lastSeenRun: RunId | null;
  syncedAt: string;
}

const propertiesSchema = z.record(z.string(), z.string().nullable());

/** A row of an object table (any driver) as a StoredRecord. */
export function storedRecordFromRow(table: ObjectTable, row: Readonly<Record<string, unknown>>): StoredRecord {
  const values: Record<string, TypedValue> = {};
  for (const column of table.columns) values[column.property] = readTyped(column, row[column.column]);
  const mergedInto = readText(row["merged_into"]);
  const lastSeenRun = readText(row["last_seen_run"]);
  return {
    portal: portalId(readRequiredText(row["portal_id"])),
    objectType: table.objectType,
    id: hubSpotId(readRequiredText(row["id"])),
    properties: propertiesSchema.parse(readJson(row["properties_json"])),
    values,
    createdAt: readTimestamp(row["created_at"]),
    updatedAt: readTimestamp(row["updated_at"]),
    archived: readBool(row["archived"]),
    archivedAt: readTimestamp(row["archived_at"]),
    mergedInto: mergedInto === null ? null : hubSpotId(mergedInto),
    deletedAt: readTimestamp(row["deleted_at"]),
    lastSeenRun: lastSeenRun === null ? null : runId(lastSeenRun),
    syncedAt: readRequiredTimestamp(row["synced_at"]),
  };
}

function readTyped(column: ObjectColumn, value: unknown): TypedValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "text":
    case "date":
      return readText(value);
    case "double":
      return typeof value === "number" ? value : Number(value);
    case "boolean":
      return readBool(value);
    case "timestamp":
      return readTimestamp(value);
  }
}
