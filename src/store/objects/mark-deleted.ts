import { sql } from "kysely";
import { hubSpotId, type HubSpotId, type PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";

/**
 * Marks rows deleted as of `at` (ISO) — for deletion webhooks and records gone for good. The
 * rows stay. Returns the ids that were live until now.
 */
export async function markDeleted(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  ids: readonly string[],
  at: string,
): Promise<HubSpotId[]> {
  const table = await requireObjectTable(ctx, tx.db, objectType);
  const when = canonicalTimestamp(at);
  const marked: HubSpotId[] = [];
  for (const chunk of chunkRows([...new Set(ids)], 1, ctx.flavor.maxParameters, 4)) {
    const { rows } = await sql<{ id: string }>`
      update ${sql.table(table.tableName)} set deleted_at = ${when}
      where portal_id = ${portal} and id in (${sql.join(chunk)}) and deleted_at is null
      returning id`.execute(tx.db);
    for (const row of rows) marked.push(hubSpotId(row.id));
  }
  return marked;
}
