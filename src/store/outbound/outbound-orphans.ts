import { runId, type PortalId, type RunId, type SyncId } from "../../core/ids.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { readRequiredTimestamp } from "../sql/read-value.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";

/** An association target a row names that HubSpot had no record for when the row was written. */
export interface OutboundOrphan {
  rowKey: string;
  association: string;
  /** The value looked for (an email, a domain, an id). */
  targetKey: string;
  toType: string;
  /** When it was first found missing. */
  since: string;
  runId: RunId | null;
}

/** Orphans of these rows, or of the whole sync (in the portal) when `rowKeys` is absent. */
export async function getOutboundOrphans(ctx: StoreContext, sync: SyncId, portal: PortalId, rowKeys?: readonly string[], tx?: StoreTx): Promise<OutboundOrphan[]> {
  const db = executor(ctx, tx);
  const chunks = rowKeys === undefined ? [undefined] : chunkRows([...new Set(rowKeys)], 1, ctx.flavor.maxParameters, 2);
  const found: OutboundOrphan[] = [];
  for (const chunk of chunks) {
    if (chunk !== undefined && chunk.length === 0) continue;
    const rows = await db
      .selectFrom("outbound_orphans")
      .selectAll()
      .where("sync", "=", sync)
      .where("portal", "=", portal)
      .$if(chunk !== undefined, (qb) => qb.where("row_key", "in", chunk ?? []))
      .orderBy("row_key")
      .orderBy("association")
      .orderBy("target_key")
      .execute();
    for (const row of rows) {
      found.push({
        rowKey: row.row_key,
        association: row.association,
        targetKey: row.target_key,
        toType: row.to_type,
        since: readRequiredTimestamp(row.since),
        runId: row.run_id === null ? null : runId(row.run_id),
      });
    }
  }
  return found;
}

/** Makes these rows' orphans exactly `orphans`; an orphan already known keeps its `since`. */
export async function replaceOutboundOrphans(ctx: StoreContext, tx: StoreTx, sync: SyncId, portal: PortalId, rowKeys: readonly string[], orphans: readonly OutboundOrphan[]): Promise<void> {
  const known = new Map((await getOutboundOrphans(ctx, sync, portal, rowKeys, tx)).map((o) => [identity(o), o]));
  for (const chunk of chunkRows([...new Set(rowKeys)], 1, ctx.flavor.maxParameters, 2)) {
    await tx.db.deleteFrom("outbound_orphans").where("sync", "=", sync).where("portal", "=", portal).where("row_key", "in", chunk).execute();
  }
  const unique = [...new Map(orphans.map((o) => [identity(o), known.get(identity(o)) ?? o])).values()];
  for (const chunk of chunkRows(unique, 8, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("outbound_orphans")
      .values(
        chunk.map((o) => ({
          sync,
          portal,
          row_key: o.rowKey,
          association: o.association,
          target_key: o.targetKey,
          to_type: o.toType,
          since: canonicalTimestamp(o.since),
          run_id: o.runId,
        })),
      )
      .execute();
  }
}

const identity = (o: OutboundOrphan): string => `${o.rowKey}\u0000${o.association}\u0000${o.targetKey}`;
