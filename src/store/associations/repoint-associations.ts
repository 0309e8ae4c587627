import type { Kysely } from "kysely";
import type { StoreSchema } from "../store-schema.ts";

/**
 * Moves every association of `loserId` (either side) onto `survivorId`, as HubSpot does on a
 * merge. A pair the survivor already has is dropped rather than duplicated, and a pair between
 * the two merged records (now the survivor with itself) is dropped. Returns rows moved.
 */
export async function repointAssociations(
  db: Kysely<StoreSchema>,
  portal: string,
  objectType: string,
  loserId: string,
  survivorId: string,
): Promise<number> {
  let moved = 0;
  for (const side of ["from", "to"] as const) {
    const idColumn = side === "from" ? "from_id" : "to_id";
    const typeColumn = side === "from" ? "from_type" : "to_type";
    await db
      .deleteFrom("hs_associations as a")
      .where("a.portal", "=", portal)
      .where(`a.${typeColumn}`, "=", objectType)
      .where(`a.${idColumn}`, "=", loserId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("hs_associations as b")
            .select("b.portal")
            .whereRef("b.portal", "=", "a.portal")
            .whereRef("b.from_type", "=", "a.from_type")
            .whereRef("b.to_type", "=", "a.to_type")
            .whereRef("b.type_id", "=", "a.type_id")
            .whereRef(side === "from" ? "b.to_id" : "b.from_id", "=", side === "from" ? "a.to_id" : "a.from_id")
            .where(`b.${idColumn}`, "=", survivorId),
        ),
      )
      .execute();
    const result = await db
      .updateTable("hs_associations")
      .set({ [idColumn]: survivorId })
      .where("portal", "=", portal)
      .where(typeColumn, "=", objectType)
      .where(idColumn, "=", loserId)
      .executeTakeFirst();
    moved += Number(result.numUpdatedRows);
  }
  await db
    .deleteFrom("hs_associations")
    .where("portal", "=", portal)
    .where("from_type", "=", objectType)
    .where("to_type", "=", objectType)
    .where("from_id", "=", survivorId)
    .where("to_id", "=", survivorId)
    .execute();
  return moved;
}
