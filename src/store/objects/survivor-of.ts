import { hubSpotId, type HubSpotId, type PortalId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";

/** The record an id was merged into (after any chain of merges), or undefined when it was never merged away. */
export async function survivorOf(
  ctx: StoreContext,
  portal: PortalId,
  objectType: string,
  id: string,
  tx?: StoreTx,
): Promise<HubSpotId | undefined> {
  const row = await executor(ctx, tx)
    .selectFrom("hs_merged_ids")
    .select("survivor_id")
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .where("merged_id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : hubSpotId(row.survivor_id);
}
