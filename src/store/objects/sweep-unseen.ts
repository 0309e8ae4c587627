import { sql } from "kysely";
import { hubSpotId, type HubSpotId, type PortalId, type RunId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";

/**
 * Mark-and-sweep after a complete full refresh in run `runId`: every live row of the portal
 * that the run did not upsert is gone from HubSpot, so it is marked deleted as of `at` (ISO).
 * Rows already deleted or merged keep their marks. Returns the ids marked now.
 * Only call it after a full refresh that read every page: a partial read would sweep live rows.
 */
export async function sweepUnseen(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  runId: RunId,
  at: string,
): Promise<HubSpotId[]> {
  const table = await requireObjectTable(ctx, tx.db, objectType);
  const when = canonicalTimestamp(at);
  const { rows } = await sql<{ id: string }>`
    update ${sql.table(table.tableName)} set deleted_at = ${when}
    where portal_id = ${portal} and deleted_at is null and merged_into is null
      and (last_seen_run is null or last_seen_run <> ${runId})
    returning id`.execute(tx.db);
  if (rows.length > 0) ctx.logger.info({ objectType, portal, count: rows.length }, "swept rows missing from a full refresh");
  return rows.map((r) => hubSpotId(r.id));
}
