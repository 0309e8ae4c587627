import { sql } from "kysely";
import { hubSpotId, type HubSpotId, type PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";

/**
 * Marks rows archived in HubSpot (and so deleted here) as of `at` (ISO). Returns the ids whose
 * state changed; ids already marked, or never stored, are left alone.
 */
export async function markArchived(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  ids: readonly string[],
  at: string,
): Promise<HubSpotId[]> {
  const table = await requireObjectTable(ctx, tx.db, objectType);
  const when = canonicalTimestamp(at);
  const yes = ctx.flavor.bool(true);
  const no = ctx.flavor.bool(false);
  const marked: HubSpotId[] = [];
  for (const chunk of chunkRows([...new Set(ids)], 1, ctx.flavor.maxParameters, 8)) {
    const { rows } = await sql<{ id: string }>`
      update ${sql.table(table.tableName)}
      set archived = ${yes}, archived_at = coalesce(archived_at, ${when}), deleted_at = coalesce(deleted_at, ${when})
      where portal_id = ${portal} and id in (${sql.join(chunk)}) and (archived = ${no} or deleted_at is null)
      returning id`.execute(tx.db);
    for (const row of rows) marked.push(hubSpotId(row.id));
  }
  return marked;
}
