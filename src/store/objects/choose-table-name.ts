import type { Kysely } from "kysely";
import type { StoreDriver } from "../store-context.ts";
import { fixedTableNames, type StoreSchema } from "../store-schema.ts";
import { sanitizeIdentifier, uniqueIdentifier } from "./sanitize-identifier.ts";

/**
 * A new object type's table: `hs_` + the sanitised type name, suffixed when a fixed table,
 * another type's table or any existing table has it. Chosen once and recorded, so it stays
 * stable even if the sanitising rule changes later.
 */
export async function chooseTableName(driver: StoreDriver, conn: Kysely<StoreSchema>, objectType: string): Promise<string> {
  const registered = new Set(
    (await conn.selectFrom("hs_object_types").select("table_name").execute()).map((r) => r.table_name),
  );
  return uniqueIdentifier(
    sanitizeIdentifier(`hs_${objectType}`),
    `hs_${objectType}`,
    async (name) => fixedTableNames.has(name) || registered.has(name) || (await driver.tableColumns(conn, name)).size > 0,
  );
}
