import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { AssociationInput, ReplaceAssociationsResult } from "./association.ts";
import { associationKey } from "./association-row.ts";

const PARAMS_PER_ROW = 9;

/**
 * For the given from-ids, makes the stored associations to `toType` equal to `rows`: inserts
 * the new, updates changed labels, deletes the gone. From-ids not listed are untouched, so a
 * sync can replace the associations of exactly the records it read.
 */
export async function replaceAssociations(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  fromType: string,
  toType: string,
  fromIds: readonly string[],
  rows: readonly AssociationInput[],
): Promise<ReplaceAssociationsResult> {
  const scope = new Set(fromIds);
  const desired = new Map<string, AssociationInput>();
  for (const row of rows) {
    if (!scope.has(row.fromId)) {
      throw new Error(`association from ${fromType} ${row.fromId} is outside the from-ids being replaced`);
    }
    desired.set(associationKey(row.fromId, row.toId, row.typeId), row);
  }
  const existing = new Map<string, { category: string; label: string | null; fromId: string; toId: string; typeId: number }>();
  for (const chunk of chunkRows([...scope], 1, ctx.flavor.maxParameters, 3)) {
    const found = await tx.db
      .selectFrom("hs_associations")
      .select(["from_id", "to_id", "type_id", "category", "label"])
      .where("portal", "=", portal)
      .where("from_type", "=", fromType)
      .where("to_type", "=", toType)
      .where("from_id", "in", chunk)
      .execute();
    for (const r of found) {
      const typeId = Number(r.type_id);
      existing.set(associationKey(r.from_id, r.to_id, typeId), { ...r, fromId: r.from_id, toId: r.to_id, typeId });
    }
  }

  const gone = [...existing].filter(([key]) => !desired.has(key)).map(([, row]) => row);
  const changed: AssociationInput[] = [];
  const added: AssociationInput[] = [];
  for (const [key, row] of desired) {
    const before = existing.get(key);
    if (before === undefined) added.push(row);
    else if (before.category !== row.category || before.label !== (row.label ?? null)) changed.push(row);
  }

  // Each gone row is 3 parameters in its tuple plus the 3 that scope the delete.
  for (const chunk of chunkRows(gone, 3, ctx.flavor.maxParameters, 3)) {
    await tx.db
      .deleteFrom("hs_associations")
      .where("portal", "=", portal)
      .where("from_type", "=", fromType)
      .where("to_type", "=", toType)
      .where((eb) =>
        eb(
          eb.refTuple("from_id", "to_id", "type_id"),
          "in",
          chunk.map((g) => eb.tuple(g.fromId, g.toId, g.typeId)),
        ),
      )
      .execute();
  }
  const now = isoFromMs(ctx.clock.now());
  for (const chunk of chunkRows([...added, ...changed], PARAMS_PER_ROW, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_associations")
      .values(
        chunk.map((row) => ({
          portal,
          from_type: fromType,
          from_id: row.fromId,
          to_type: toType,
          to_id: row.toId,
          type_id: row.typeId,
          category: row.category,
          label: row.label ?? null,
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["portal", "from_type", "from_id", "to_type", "to_id", "type_id"])
          .doUpdateSet((eb) => ({
            category: eb.ref("excluded.category"),
            label: eb.ref("excluded.label"),
            synced_at: eb.ref("excluded.synced_at"),
          })),
      )
      .execute();
  }
  return { added: added.length, updated: changed.length, removed: gone.length };
}
