import type { Selectable } from "kysely";
import { hubSpotId, type HubSpotId, type PortalId, type SyncId } from "../../core/ids.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs, canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { readRequiredTimestamp } from "../sql/read-value.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { DbOutboundAssociation } from "../store-schema.ts";
import type { StoreTx } from "../store-tx.ts";

/** An association an outbound sync wrote from one row's record, under the sync's name for the association that declared it. */
export interface OutboundAssociation {
  rowKey: string;
  /** Which of the sync's associations declared it (the engine's key for it). */
  association: string;
  fromId: HubSpotId;
  toType: string;
  toId: HubSpotId;
  /** Null for HubSpot's unlabelled default association. */
  label: string | null;
  syncedAt?: string;
}

const fromDb = (row: Selectable<DbOutboundAssociation>): OutboundAssociation => ({
  rowKey: row.row_key,
  association: row.association,
  fromId: hubSpotId(row.from_id),
  toType: row.to_type,
  toId: hubSpotId(row.to_id),
  label: row.label === "" ? null : row.label,
  syncedAt: readRequiredTimestamp(row.synced_at),
});

/** What the sync wrote from these rows' records. */
export async function getOutboundAssociations(ctx: StoreContext, sync: SyncId, portal: PortalId, rowKeys: readonly string[], tx?: StoreTx): Promise<OutboundAssociation[]> {
  const db = executor(ctx, tx);
  const found: OutboundAssociation[] = [];
  for (const chunk of chunkRows([...new Set(rowKeys)], 1, ctx.flavor.maxParameters, 2)) {
    const rows = await db
      .selectFrom("outbound_associations")
      .selectAll()
      .where("sync", "=", sync)
      .where("portal", "=", portal)
      .where("row_key", "in", chunk)
      .orderBy("row_key")
      .orderBy("association")
      .orderBy("to_id")
      .orderBy("label")
      .execute();
    found.push(...rows.map(fromDb));
  }
  return found;
}

/** Makes what the sync wrote from these rows exactly `associations` (each of which must be from one of them). */
export async function replaceOutboundAssociations(
  ctx: StoreContext,
  tx: StoreTx,
  sync: SyncId,
  portal: PortalId,
  rowKeys: readonly string[],
  associations: readonly OutboundAssociation[],
): Promise<void> {
  const scope = new Set(rowKeys);
  for (const association of associations) {
    if (!scope.has(association.rowKey)) throw new Error(`association of row ${association.rowKey} is outside the rows being replaced`);
  }
  for (const chunk of chunkRows([...scope], 1, ctx.flavor.maxParameters, 2)) {
    await tx.db.deleteFrom("outbound_associations").where("sync", "=", sync).where("portal", "=", portal).where("row_key", "in", chunk).execute();
  }
  const now = isoFromMs(ctx.clock.now());
  const unique = [...new Map(associations.map((a) => [`${a.rowKey}\u0000${a.association}\u0000${a.toId}\u0000${a.label ?? ""}`, a])).values()];
  for (const chunk of chunkRows(unique, 9, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("outbound_associations")
      .values(
        chunk.map((a) => ({
          sync,
          portal,
          row_key: a.rowKey,
          association: a.association,
          from_id: a.fromId,
          to_type: a.toType,
          to_id: a.toId,
          label: a.label ?? "",
          synced_at: a.syncedAt === undefined ? now : canonicalTimestamp(a.syncedAt),
        })),
      )
      .execute();
  }
}
