import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";

export interface ReplaceMembershipsResult {
  added: number;
  removed: number;
}

/** Makes a list's stored members equal to `recordIds`: inserts the new, deletes the gone. */
export async function replaceListMemberships(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  listId: string,
  recordIds: readonly string[],
): Promise<ReplaceMembershipsResult> {
  const desired = new Set(recordIds);
  const stored = new Set(
    (
      await tx.db
        .selectFrom("hs_list_memberships")
        .select("record_id")
        .where("portal", "=", portal)
        .where("list_id", "=", listId)
        .execute()
    ).map((r) => r.record_id),
  );
  const gone = [...stored].filter((id) => !desired.has(id));
  const added = [...desired].filter((id) => !stored.has(id));
  for (const chunk of chunkRows(gone, 1, ctx.flavor.maxParameters, 2)) {
    await tx.db
      .deleteFrom("hs_list_memberships")
      .where("portal", "=", portal)
      .where("list_id", "=", listId)
      .where("record_id", "in", chunk)
      .execute();
  }
  const now = isoFromMs(ctx.clock.now());
  for (const chunk of chunkRows(added, 4, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_list_memberships")
      .values(chunk.map((recordId) => ({ portal, list_id: listId, record_id: recordId, synced_at: now })))
      .execute();
  }
  return { added: added.length, removed: gone.length };
}
