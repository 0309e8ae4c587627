import { sql } from "kysely";
import type { PortalId, SyncId } from "../../core/ids.ts";
import { readCount } from "../sql/read-value.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";

/** How a sync's rows stand, for status pages. */
export interface OutboundCounts {
  /** Rows the sync has ever seen. */
  rows: number;
  /** Rows with a HubSpot record that is not archived, whose last attempt landed. */
  synced: number;
  /** Rows whose last attempt failed. */
  failing: number;
  /** Rows with association targets HubSpot had no record for. */
  orphans: number;
  archived: number;
}

/** Counts of one portal's rows, or of every portal's when `portal` is absent. */
export async function countOutboundRows(ctx: StoreContext, sync: SyncId, portal?: PortalId, tx?: StoreTx): Promise<OutboundCounts> {
  const db = executor(ctx, tx);
  const byStatus = await db
    .selectFrom("outbound_rows")
    .select(["status", sql<unknown>`count(*)`.as("n")])
    .where("sync", "=", sync)
    .$if(portal !== undefined, (qb) => qb.where("portal", "=", portal ?? ""))
    .groupBy("status")
    .execute();
  const count = (status: string): number => readCount(byStatus.find((r) => r.status === status)?.n ?? 0);
  const orphaned = await db
    .selectFrom("outbound_orphans")
    .select(sql<unknown>`count(distinct row_key)`.as("n"))
    .where("sync", "=", sync)
    .$if(portal !== undefined, (qb) => qb.where("portal", "=", portal ?? ""))
    .executeTakeFirst();
  return {
    rows: byStatus.reduce((sum, r) => sum + readCount(r.n), 0),
    synced: count("synced"),
    failing: count("failed"),
    orphans: readCount(orphaned?.n ?? 0),
    archived: count("archived"),
  };
}
