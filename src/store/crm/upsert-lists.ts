import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { ListInput } from "./crm-inputs.ts";
import { optionalTimestamp } from "./optional-timestamp.ts";

/** Inserts or updates lists' definitions (memberships are replaced separately). */
export async function upsertLists(ctx: StoreContext, tx: StoreTx, portal: PortalId, lists: readonly ListInput[]): Promise<number> {
  const now = isoFromMs(ctx.clock.now());
  const distinct = [...new Map(lists.map((l) => [l.id, l])).values()];
  for (const chunk of chunkRows(distinct, 10, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_lists")
      .values(
        chunk.map((l) => ({
          portal,
          id: l.id,
          name: l.name,
          object_type_id: l.objectTypeId,
          processing_type: l.processingType,
          size: l.size ?? null,
          created_at: optionalTimestamp(l.createdAt),
          updated_at: optionalTimestamp(l.updatedAt),
          deleted_at: optionalTimestamp(l.deletedAt),
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["portal", "id"]).doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          object_type_id: eb.ref("excluded.object_type_id"),
          processing_type: eb.ref("excluded.processing_type"),
          size: eb.ref("excluded.size"),
          created_at: eb.ref("excluded.created_at"),
          updated_at: eb.ref("excluded.updated_at"),
          deleted_at: eb.ref("excluded.deleted_at"),
          synced_at: eb.ref("excluded.synced_at"),
        })),
      )
      .execute();
  }
  return distinct.length;
}
