import { sql } from "kysely";
import type { HubSpotId, PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";
import { updateIdsInChunks } from "./update-ids-in-chunks.ts";

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
  return updateIdsInChunks(ctx, tx, ids, 4, (chunk) => sql<{ id: string }>`
        update ${sql.table(table.tableName)} set deleted_at = ${when}
        where portal_id = ${portal} and id in (${sql.join(chunk)}) and deleted_at is null
        returning id`);
}
