import type { Kysely } from "kysely";
import type { StoreSchema } from "../store-schema.ts";
import type { ObjectTable } from "./object-table.ts";
import { valueKindOf } from "./value-kind.ts";

/** An object type's table and property columns from the registry, or undefined when it has none. */
export async function loadObjectTable(db: Kysely<StoreSchema>, objectType: string): Promise<ObjectTable | undefined> {
  const type = await db
    .selectFrom("hs_object_types")
    .select(["object_type", "table_name", "version"])
    .where("object_type", "=", objectType)
    .executeTakeFirst();
  if (type === undefined) return undefined;
  const columns = await db
    .selectFrom("hs_object_columns")
    .select(["property", "column_name", "hubspot_type", "latest_hubspot_type"])
    .where("object_type", "=", objectType)
    .orderBy("property")
    .execute();
  return {
    objectType: type.object_type,
    tableName: type.table_name,
    version: Number(type.version),
    columns: columns.map((c) => ({
      property: c.property,
      column: c.column_name,
      hubspotType: c.hubspot_type,
      latestHubspotType: c.latest_hubspot_type,
      kind: valueKindOf(c.hubspot_type),
    })),
  };
}
