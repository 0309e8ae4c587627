import { hubSpotId, portalId, type PortalId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { readRequiredTimestamp } from "../sql/read-value.ts";
import type { PropertyHistoryEntry } from "./property-history.ts";

/** A record's stored history, oldest first; one property or all. */
export async function listPropertyHistory(
  ctx: StoreContext,
  portal: PortalId,
  objectType: string,
  objectId: string,
  property?: string,
  tx?: StoreTx,
): Promise<PropertyHistoryEntry[]> {
  const rows = await executor(ctx, tx)
    .selectFrom("hs_property_history")
    .selectAll()
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .where("object_id", "=", objectId)
    .$if(property !== undefined, (qb) => qb.where("property", "=", property ?? ""))
    .orderBy("property")
    .orderBy("timestamp")
    .orderBy("value_hash")
    .execute();
  return rows.map((r) => ({
    portal: portalId(r.portal),
    objectType: r.object_type,
    objectId: hubSpotId(r.object_id),
    property: r.property,
    value: r.value,
    timestamp: readRequiredTimestamp(r.timestamp),
    sourceType: r.source_type,
    sourceId: r.source_id,
    updatedByUserId: r.updated_by_user_id,
  }));
}
