import { postgresTypedRowBudget } from "./column-width.ts";
import { executor, type StoreContext } from "../store-context.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import { chooseTableName } from "./choose-table-name.ts";
import { addObjectColumns, createObjectTable } from "./create-object-table.ts";
import { loadObjectTable } from "./load-object-table.ts";
import type { ObjectColumn, ObjectTable } from "./object-table.ts";
import { planColumns, type ObjectPropertyInput, type PropertyTypeChange } from "./plan-columns.ts";

export interface EnsureObjectTableResult {
  table: ObjectTable;
  created: boolean;
  addedColumns: ObjectColumn[];
  /** Properties whose HubSpot type changed kind: the old column stays, values that no longer parse become NULL. */
  typeChanges: PropertyTypeChange[];
  /** Properties left without a typed column (the table reached maxTypedColumns); kept in properties_json. */
  untyped: string[];
}

/**
 * Creates the object type's table, or adds columns for properties it has not seen. Never drops
 * or retypes a column. Idempotent, and safe when two processes call it at once: the work runs
 * in one transaction under a schema-change lock (PostgreSQL advisory lock; SQLite's write lock).
 */
export async function ensureObjectTable(
  ctx: StoreContext,
  objectType: string,
  properties: readonly ObjectPropertyInput[],
): Promise<EnsureObjectTableResult> {
  executor(ctx, undefined);
  const result = await ctx.driver.transaction(async (conn): Promise<EnsureObjectTableResult> => {
    await ctx.driver.lockSchemaChanges(conn);
    const now = isoFromMs(ctx.clock.now());
    const registered = await loadObjectTable(conn, objectType);
    const created = registered === undefined;
    const table = registered ?? {
      objectType,
      tableName: await chooseTableName(ctx.driver, conn, objectType),
      version: 1,
      columns: [],
    };
    const physical = created ? new Set<string>() : await ctx.driver.tableColumns(conn, table.tableName);
    const plan = await planColumns(table, properties, physical, ctx.options.maxTypedColumns, typedRowBudget(ctx));
    if (created) {
      await conn
        .insertInto("hs_object_types")
        .values({ object_type: objectType, table_name: table.tableName, version: 1, created_at: now, updated_at: now })
        .execute();
      await createObjectTable(conn, ctx.flavor, table.tableName, plan.added);
    } else {
      await addObjectColumns(conn, ctx.flavor, table.tableName, plan.added);
    }
    for (const chunk of chunkRows(plan.added, 6, ctx.flavor.maxParameters)) {
      await conn
        .insertInto("hs_object_columns")
        .values(
          chunk.map((c) => ({
            object_type: objectType,
            property: c.property,
            column_name: c.column,
            hubspot_type: c.hubspotType,
            latest_hubspot_type: c.latestHubspotType,
            added_at: now,
          })),
        )
        .execute();
    }
    for (const retyped of plan.retyped) {
      await conn
        .updateTable("hs_object_columns")
        .set({ latest_hubspot_type: retyped.latestHubspotType })
        .where("object_type", "=", objectType)
        .where("property", "=", retyped.property)
        .execute();
    }
    if (!created && (plan.added.length > 0 || plan.retyped.length > 0)) {
      await conn
        .updateTable("hs_object_types")
        .set((eb) => ({ updated_at: now, version: eb("version", "+", 1) }))
        .where("object_type", "=", objectType)
        .execute();
    }
    const reloaded = await loadObjectTable(conn, objectType);
    if (reloaded === undefined) throw new Error(`object type ${objectType} vanished from the registry mid-transaction`);
    return { table: reloaded, created, addedColumns: plan.added, typeChanges: plan.typeChanges, untyped: plan.untyped };
  });
  ctx.objectTables.set(objectType, result.table);
  logOutcome(ctx, result);
  return result;
}

/** PostgreSQL rows are capped at ~8 KB; SQLite rows are not. */
function typedRowBudget(ctx: StoreContext): number {
  return ctx.options.maxTypedRowBytes ?? (ctx.flavor.kind === "postgres" ? postgresTypedRowBudget : Number.POSITIVE_INFINITY);
}

function logOutcome(ctx: StoreContext, result: EnsureObjectTableResult): void {
  const { table } = result;
  if (result.created || result.addedColumns.length > 0) {
    ctx.logger.info(
      { objectType: table.objectType, table: table.tableName, created: result.created, added: result.addedColumns.map((c) => c.column) },
      "object table updated",
    );
  }
  for (const change of result.typeChanges) {
    ctx.logger.warn(
      { objectType: table.objectType, ...change },
      "HubSpot property changed type: keeping the old column; values that do not fit it become NULL there and stay in properties_json",
    );
  }
  if (result.untyped.length > 0) {
    ctx.logger.warn(
      { objectType: table.objectType, count: result.untyped.length, maxColumns: ctx.options.maxTypedColumns, maxRowBytes: typedRowBudget(ctx) },
      "too many properties for typed columns (column count or row width): the rest are kept in properties_json only",
    );
  }
}
