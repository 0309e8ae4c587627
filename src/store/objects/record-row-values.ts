import type { SqlFlavor } from "../sql-flavor.ts";
import { normaliseTimestamp } from "../sql/iso-timestamp.ts";
import { coerceValue, type TypedValue } from "./coerce-value.ts";
import type { CoercionWarning, ObjectRecordInput } from "./object-record-input.ts";
import type { ObjectTable } from "./object-table.ts";

export interface RowContext {
  table: ObjectTable;
  flavor: SqlFlavor;
  portal: string;
  runId: string;
  now: string;
}

/**
 * One record as the values of an upsert row, in the order of fixedObjectColumns then the
 * table's property columns. Problems are pushed to `warnings`; nothing here throws on data.
 */
export function recordRowValues(ctx: RowContext, record: ObjectRecordInput, warnings: CoercionWarning[]): TypedValue[] {
  const { table, flavor } = ctx;
  const warn = (property: string, value: string, expectedType: string): void => {
    warnings.push({ objectType: table.objectType, recordId: record.id, property, value, expectedType });
  };
  const timestamp = (field: string, raw: string | null | undefined): string | null => {
    if (raw === null || raw === undefined || raw === "") return null;
    const iso = normaliseTimestamp(raw);
    if (iso === null) warn(field, raw, "datetime");
    return iso;
  };
  const archived = record.archived === true;
  const archivedAt = timestamp("archivedAt", record.archivedAt);
  const values: TypedValue[] = [
    ctx.portal,
    record.id,
    JSON.stringify(record.properties),
    timestamp("createdAt", record.createdAt),
    timestamp("updatedAt", record.updatedAt),
    flavor.bool(archived),
    archived ? archivedAt : null,
    null,
    // An archived record is gone from HubSpot's live set: the row is marked, never dropped.
    archived ? (archivedAt ?? ctx.now) : null,
    ctx.runId,
    ctx.now,
  ];
  for (const column of table.columns) {
    const raw = record.properties[column.property];
    const coerced = coerceValue(column.kind, raw);
    if (coerced.ok) {
      values.push(typeof coerced.value === "boolean" ? flavor.bool(coerced.value) : coerced.value);
    } else {
      values.push(null);
      if (raw !== null && raw !== undefined) warn(column.property, raw, column.hubspotType);
    }
  }
  return values;
}
