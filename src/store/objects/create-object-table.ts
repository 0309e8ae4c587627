import type { Kysely } from "kysely";
import type { SqlFlavor } from "../sql-flavor.ts";
import type { StoreSchema } from "../store-schema.ts";
import type { ObjectColumn } from "./object-table.ts";
import { fitIdentifier } from "./sanitize-identifier.ts";

/** An object type's table with its fixed columns and the property columns known at creation. */
export async function createObjectTable(
  conn: Kysely<StoreSchema>,
  flavor: SqlFlavor,
  tableName: string,
  columns: readonly ObjectColumn[],
): Promise<void> {
  const t = flavor.columnType;
  let builder = conn.schema
    .createTable(tableName)
    .ifNotExists()
    .addColumn("portal_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("properties_json", t.json, (c) => c.notNull())
    .addColumn("created_at", t.timestamp)
    .addColumn("updated_at", t.timestamp)
    .addColumn("archived", t.boolean, (c) => c.notNull().defaultTo(flavor.bool(false)))
    .addColumn("archived_at", t.timestamp)
    .addColumn("merged_into", "text")
    .addColumn("deleted_at", t.timestamp)
    .addColumn("last_seen_run", "text")
    .addColumn("synced_at", t.timestamp, (c) => c.notNull());
  for (const column of columns) builder = builder.addColumn(column.column, t[column.kind]);
  // Index names share one namespace per schema in PostgreSQL: fit them like table names.
  await builder.addPrimaryKeyConstraint(fitIdentifier(`${tableName}_pk`), ["portal_id", "id"]).execute();
}

/** New property columns on an existing table: one statement each (SQLite adds one column per ALTER). */
export async function addObjectColumns(
  conn: Kysely<StoreSchema>,
  flavor: SqlFlavor,
  tableName: string,
  columns: readonly ObjectColumn[],
): Promise<void> {
  for (const column of columns) {
    await conn.schema.alterTable(tableName).addColumn(column.column, flavor.columnType[column.kind]).execute();
  }
}
