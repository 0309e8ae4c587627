import { sql } from "kysely";
import type { PortalId } from "../../core/ids.ts";
import { repointAssociations } from "../associations/repoint-associations.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";

export interface MarkMergedResult {
  /** False when the loser had no row (merged before it was ever synced). */
  loserMarked: boolean;
  associationsRepointed: number;
}

/**
 * Records that HubSpot merged `loserId` into `survivorId`: the loser's row is marked merged
 * (and so no longer live), hs_merged_ids maps it (and anything merged into it before) to the
 * survivor, and its associations move to the survivor.
 */
export async function markMerged(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  loserId: string,
  survivorId: string,
  at: string,
): Promise<MarkMergedResult> {
  if (loserId === survivorId) return { loserMarked: false, associationsRepointed: 0 };
  const table = await requireObjectTable(ctx, tx.db, objectType);
  const when = canonicalTimestamp(at);
  const marked = await sql`
    update ${sql.table(table.tableName)}
    set merged_into = ${survivorId}, deleted_at = coalesce(deleted_at, ${when})
    where portal_id = ${portal} and id = ${loserId}`.execute(tx.db);
  await tx.db
    .insertInto("hs_merged_ids")
    .values({ portal, object_type: objectType, merged_id: loserId, survivor_id: survivorId, merged_at: when })
    .onConflict((oc) =>
      oc.columns(["portal", "object_type", "merged_id"]).doUpdateSet({ survivor_id: survivorId, merged_at: when }),
    )
    .execute();
  // A chain (A merged into B, now B into C) resolves straight to C.
  await tx.db
    .updateTable("hs_merged_ids")
    .set({ survivor_id: survivorId })
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .where("survivor_id", "=", loserId)
    .execute();
  const associationsRepointed = await repointAssociations(tx.db, portal, objectType, loserId, survivorId);
  return { loserMarked: Number(marked.numAffectedRows ?? 0n) > 0, associationsRepointed };
}
