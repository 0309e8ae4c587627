import type { PortalId, RunId, SyncId } from "../../core/ids.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { outboundRowFromDb, type OutboundRow, type OutboundRowInput } from "./outbound-row.ts";

const PARAMS_PER_ROW = 16;

/** The stored rows of these keys (absent keys: never seen), read in chunks the driver accepts. */
export async function getOutboundRows(ctx: StoreContext, sync: SyncId, portal: PortalId, keys: readonly string[], tx?: StoreTx): Promise<Map<string, OutboundRow>> {
  const found = new Map<string, OutboundRow>();
  const db = executor(ctx, tx);
  for (const chunk of chunkRows([...new Set(keys)], 1, ctx.flavor.maxParameters, 2)) {
    const rows = await db.selectFrom("outbound_rows").selectAll().where("sync", "=", sync).where("portal", "=", portal).where("row_key", "in", chunk).execute();
    for (const row of rows) found.set(row.row_key, outboundRowFromDb(row));
  }
  return found;
}

/** Inserts or replaces rows whole (every column is the input's). */
export async function putOutboundRows(ctx: StoreContext, tx: StoreTx, sync: SyncId, portal: PortalId, rows: readonly OutboundRowInput[]): Promise<void> {
  const distinct = [...new Map(rows.map((row) => [row.rowKey, row])).values()];
  const bool = (value: boolean): boolean | number => ctx.flavor.bool(value);
  const time = (value: string | null): string | null => (value === null ? null : canonicalTimestamp(value));
  for (const chunk of chunkRows(distinct, PARAMS_PER_ROW, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("outbound_rows")
      .values(
        chunk.map((row) => ({
          sync,
          portal,
          row_key: row.rowKey,
          hubspot_id: row.hubspotId,
          status: row.status,
          error: row.error,
          hash: row.hash,
          properties_hash: row.propertiesHash,
          pending_hash: row.pendingHash,
          targets_json: row.targets === null || row.targets === undefined ? null : JSON.stringify(row.targets),
          created_by_sync: bool(row.createdBySync),
          list_member: bool(row.listMember),
          first_synced_at: time(row.firstSyncedAt),
          last_synced_at: time(row.lastSyncedAt),
          last_seen_run: row.lastSeenRun,
          archived_at: time(row.archivedAt),
        })),
      )
      .onConflict((oc) =>
        oc.columns(["sync", "portal", "row_key"]).doUpdateSet((eb) => ({
          hubspot_id: eb.ref("excluded.hubspot_id"),
          status: eb.ref("excluded.status"),
          error: eb.ref("excluded.error"),
          hash: eb.ref("excluded.hash"),
          properties_hash: eb.ref("excluded.properties_hash"),
          pending_hash: eb.ref("excluded.pending_hash"),
          targets_json: eb.ref("excluded.targets_json"),
          created_by_sync: eb.ref("excluded.created_by_sync"),
          list_member: eb.ref("excluded.list_member"),
          first_synced_at: eb.ref("excluded.first_synced_at"),
          last_synced_at: eb.ref("excluded.last_synced_at"),
          last_seen_run: eb.ref("excluded.last_seen_run"),
          archived_at: eb.ref("excluded.archived_at"),
        })),
      )
      .execute();
  }
}

/** Stamps rows the run's source had (rows never stored are left alone: there is nothing to stamp). */
export async function markOutboundSeen(ctx: StoreContext, tx: StoreTx, sync: SyncId, portal: PortalId, keys: readonly string[], run: RunId): Promise<void> {
  for (const chunk of chunkRows([...new Set(keys)], 1, ctx.flavor.maxParameters, 3)) {
    await tx.db.updateTable("outbound_rows").set({ last_seen_run: run }).where("sync", "=", sync).where("portal", "=", portal).where("row_key", "in", chunk).execute();
  }
}

/** Sets (or clears) the list-membership flag of these rows; all of the sync's rows when `keys` is "all". */
export async function setOutboundListMembers(ctx: StoreContext, tx: StoreTx, sync: SyncId, portal: PortalId, keys: readonly string[] | "all", member: boolean): Promise<void> {
  const value = ctx.flavor.bool(member);
  if (keys === "all") {
    await tx.db.updateTable("outbound_rows").set({ list_member: value }).where("sync", "=", sync).where("portal", "=", portal).execute();
    return;
  }
  for (const chunk of chunkRows([...new Set(keys)], 1, ctx.flavor.maxParameters, 3)) {
    await tx.db.updateTable("outbound_rows").set({ list_member: value }).where("sync", "=", sync).where("portal", "=", portal).where("row_key", "in", chunk).execute();
  }
}
