import type { Kysely } from "kysely";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreSchema } from "../store-schema.ts";
import { loadObjectTable } from "./load-object-table.ts";
import type { ObjectTable } from "./object-table.ts";

/**
 * The object type's table, or undefined when none was ensured yet. Cached, but the cache is
 * checked against the registry's version on every call (one primary-key read): another
 * process may have added columns, and writing with a stale column list would leave their
 * typed values behind properties_json.
 */
export async function findObjectTable(
  ctx: StoreContext,
  db: Kysely<StoreSchema>,
  objectType: string,
): Promise<ObjectTable | undefined> {
  const cached = ctx.objectTables.get(objectType);
  if (cached !== undefined) {
    const current = await db
      .selectFrom("hs_object_types")
      .select("version")
      .where("object_type", "=", objectType)
      .executeTakeFirst();
    if (current !== undefined && Number(current.version) === cached.version) return cached;
  }
  const loaded = await loadObjectTable(db, objectType);
  if (loaded === undefined) ctx.objectTables.delete(objectType);
  else ctx.objectTables.set(objectType, loaded);
  return loaded;
}

/** As findObjectTable, for writes: a type without a table is a caller's bug. */
export async function requireObjectTable(
  ctx: StoreContext,
  db: Kysely<StoreSchema>,
  objectType: string,
): Promise<ObjectTable> {
  const table = await findObjectTable(ctx, db, objectType);
  if (table !== undefined) return table;
  throw new HubsyncError("STORE_FAILED", `No table for HubSpot object type "${objectType}"`, {
    subject: objectType,
    fix: "Call ensureObjectTable(type, properties) before writing records of that type.",
  });
}
