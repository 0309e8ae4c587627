import { sql } from "kysely";
import type { PortalId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { readCount } from "../sql/read-value.ts";
import { findObjectTable } from "./object-table-for.ts";
import { storedRecordFromRow, type StoredRecord } from "./stored-record.ts";

export interface RowFilter {
  /** Include rows marked deleted (archived, deleted, merged away, swept). Default false. */
  includeDeleted?: boolean;
}

/** Rows of an object type in a portal; live ones only unless asked. 0 for a type never ensured. */
export async function countRows(
  ctx: StoreContext,
  portal: PortalId,
  objectType: string,
  filter: RowFilter = {},
  tx?: StoreTx,
): Promise<number> {
  const db = executor(ctx, tx);
  const table = await findObjectTable(ctx, db, objectType);
  if (table === undefined) return 0;
  const live = filter.includeDeleted === true ? sql`` : sql`and deleted_at is null`;
  const { rows } = await sql<{ n: unknown }>`
    select count(*) as n from ${sql.table(table.tableName)} where portal_id = ${portal} ${live}`.execute(db);
  return readCount(rows[0]?.n ?? 0);
}

/** One record by id, deleted or not; undefined when never stored. */
export async function getRecord(
  ctx: StoreContext,
  portal: PortalId,
  objectType: string,
  id: string,
  tx?: StoreTx,
): Promise<StoredRecord | undefined> {
  const db = executor(ctx, tx);
  const table = await findObjectTable(ctx, db, objectType);
  if (table === undefined) return undefined;
  const { rows } = await sql<Record<string, unknown>>`
    select * from ${sql.table(table.tableName)} where portal_id = ${portal} and id = ${id}`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : storedRecordFromRow(table, row);
}

export interface StreamRecordsOptions extends RowFilter {
  /** Rows per query; default the store's streamBatchSize. */
  batchSize?: number;
}

/**
 * Every row of an object type in a portal, in id order, read a batch at a time by keyset
 * (id > last) so memory stays flat and no transaction is held open between batches.
 */
export async function* streamRecords(
  ctx: StoreContext,
  portal: PortalId,
  objectType: string,
  options: StreamRecordsOptions = {},
): AsyncIterable<StoredRecord> {
  const table = await findObjectTable(ctx, executor(ctx, undefined), objectType);
  if (table === undefined) return;
  const batchSize = Math.max(1, options.batchSize ?? ctx.options.streamBatchSize);
  const live = options.includeDeleted === true ? sql`` : sql`and deleted_at is null`;
  let after: string | undefined;
  for (;;) {
    const from = after === undefined ? sql`` : sql`and id > ${after}`;
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(table.tableName)}
      where portal_id = ${portal} ${live} ${from}
      order by id limit ${batchSize}`.execute(executor(ctx, undefined));
    for (const row of rows) yield storedRecordFromRow(table, row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchSize) return;
    after = String(last["id"]);
  }
}
