import type { PortalId, SyncId } from "../../core/ids.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";

/** The static list an outbound sync keeps in a portal. */
export interface OutboundList {
  listId: string;
  name: string;
  objectTypeId: string;
}

export async function getOutboundList(ctx: StoreContext, sync: SyncId, portal: PortalId, tx?: StoreTx): Promise<OutboundList | undefined> {
  const row = await executor(ctx, tx).selectFrom("outbound_lists").selectAll().where("sync", "=", sync).where("portal", "=", portal).executeTakeFirst();
  return row === undefined ? undefined : { listId: row.list_id, name: row.name, objectTypeId: row.object_type_id };
}

/** Records the sync's list, or forgets it (`undefined`). */
export async function putOutboundList(ctx: StoreContext, tx: StoreTx, sync: SyncId, portal: PortalId, list: OutboundList | undefined): Promise<void> {
  if (list === undefined) {
    await tx.db.deleteFrom("outbound_lists").where("sync", "=", sync).where("portal", "=", portal).execute();
    return;
  }
  const values = { sync, portal, list_id: list.listId, name: list.name, object_type_id: list.objectTypeId, updated_at: isoFromMs(ctx.clock.now()) };
  await tx.db
    .insertInto("outbound_lists")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["sync", "portal"]).doUpdateSet((eb) => ({
        list_id: eb.ref("excluded.list_id"),
        name: eb.ref("excluded.name"),
        object_type_id: eb.ref("excluded.object_type_id"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}
