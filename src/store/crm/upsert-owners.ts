import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { OwnerInput } from "./crm-inputs.ts";
import { optionalTimestamp } from "./optional-timestamp.ts";

/** Inserts or updates owners (HubSpot lists archived owners separately: pass them with archived: true). */
export async function upsertOwners(ctx: StoreContext, tx: StoreTx, portal: PortalId, owners: readonly OwnerInput[]): Promise<number> {
  const now = isoFromMs(ctx.clock.now());
  const distinct = [...new Map(owners.map((o) => [o.id, o])).values()];
  for (const chunk of chunkRows(distinct, 11, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_owners")
      .values(
        chunk.map((o) => ({
          portal,
          id: o.id,
          email: o.email ?? null,
          first_name: o.firstName ?? null,
          last_name: o.lastName ?? null,
          user_id: o.userId === null || o.userId === undefined ? null : String(o.userId),
          teams_json: JSON.stringify(o.teams ?? []),
          created_at: optionalTimestamp(o.createdAt),
          updated_at: optionalTimestamp(o.updatedAt),
          archived: ctx.flavor.bool(o.archived === true),
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["portal", "id"]).doUpdateSet((eb) => ({
          email: eb.ref("excluded.email"),
          first_name: eb.ref("excluded.first_name"),
          last_name: eb.ref("excluded.last_name"),
          user_id: eb.ref("excluded.user_id"),
          teams_json: eb.ref("excluded.teams_json"),
          created_at: eb.ref("excluded.created_at"),
          updated_at: eb.ref("excluded.updated_at"),
          archived: eb.ref("excluded.archived"),
          synced_at: eb.ref("excluded.synced_at"),
        })),
      )
      .execute();
  }
  return distinct.length;
}
