import { sql } from "kysely";
import type { HubSpotId, PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { canonicalTimestamp } from "../sql/iso-timestamp.ts";
import { requireObjectTable } from "./object-table-for.ts";
import { updateIdsInChunks } from "./update-ids-in-chunks.ts";

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
  return updateIdsInChunks(ctx, tx, ids, 8, (chunk) => sql<{ id: string }>`
        update ${sql.table(table.tableName)}
        set archived = ${yes}, archived_at = coalesce(archived_at, ${when}), deleted_at = coalesce(deleted_at, ${when})
        where portal_id = ${portal} and id in (${sql.join(chunk)}) and (archived = ${no} or deleted_at is null)
        returning id`);
}
