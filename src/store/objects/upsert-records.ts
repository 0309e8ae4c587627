import { sql } from "kysely";
import type { PortalId, RunId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { CoercionWarning, ObjectRecordInput } from "./object-record-input.ts";
import { requireObjectTable } from "./object-table-for.ts";
import { fixedObjectColumns } from "./object-table.ts";
import { recordRowValues } from "./record-row-values.ts";

export interface UpsertRecordsResult {
  /** Rows inserted or updated (one per distinct record id). */
  written: number;
  warnings: CoercionWarning[];
}

/** Columns an upsert overwrites from the incoming row as they are. */
const overwritten = ["properties_json", "created_at", "updated_at", "archived", "archived_at", "last_seen_run", "synced_at"];

/**
 * Inserts or updates records in multi-row statements, each under the driver's parameter limit.
 * The incoming record is HubSpot's current state: properties_json and every typed column are
 * replaced, last_seen_run is set (for mark-and-sweep), and a live record clears deleted_at
 * and merged_into. Values that do not fit their typed column become NULL and a warning.
 */
export async function upsertRecords(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  records: readonly ObjectRecordInput[],
  runId: RunId,
): Promise<UpsertRecordsResult> {
  const table = await requireObjectTable(ctx, tx.db, objectType);
  // PostgreSQL refuses to update one row twice in a statement: the last copy of an id wins.
  // Id order makes concurrent writers lock rows in the same order (no deadlocks between them).
  const distinct = [...new Map(records.map((r) => [r.id, r])).values()];
  distinct.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowContext = { table, flavor: ctx.flavor, portal, runId, now: isoFromMs(ctx.clock.now()) };
  const warnings: CoercionWarning[] = [];
  const columns = [...fixedObjectColumns, ...table.columns.map((c) => c.column)];
  const target = sql.table(table.tableName);
  const updates = sql.join(
    [...overwritten, ...table.columns.map((c) => c.column)].map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`),
  );
  const statementHead = sql`insert into ${target} (${sql.join(columns.map((c) => sql.ref(c)))}) values `;
  for (const chunk of chunkRows(distinct, columns.length, ctx.flavor.maxParameters)) {
    const rows = chunk.map((record) => sql`(${sql.join(recordRowValues(rowContext, record, warnings))})`);
    await sql`${statementHead}${sql.join(rows)}
      on conflict (portal_id, id) do update set ${updates},
        deleted_at = case when excluded.deleted_at is null then null
                          else coalesce(${sql.ref(`${table.tableName}.deleted_at`)}, excluded.deleted_at) end,
        merged_into = case when excluded.deleted_at is null then null
                           else ${sql.ref(`${table.tableName}.merged_into`)} end`.execute(tx.db);
  }
  if (warnings.length > 0) {
    ctx.logger.warn(
      { objectType, count: warnings.length, first: warnings.slice(0, 3) },
      "values that do not fit their typed column were stored as NULL (kept in properties_json)",
    );
  }
  return { written: distinct.length, warnings };
}
