import type { RawBuilder } from "kysely";
import { hubSpotId, type HubSpotId } from "../../core/ids.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";

/**
 * Runs an `UPDATE … WHERE id IN (chunk) RETURNING id` over distinct `ids`, a chunk at a time
 * under the driver's parameter limit (`reserved` = the statement's other parameters), and
 * returns the ids it changed.
 */
export async function updateIdsInChunks(
  ctx: StoreContext,
  tx: StoreTx,
  ids: readonly string[],
  reserved: number,
  statement: (chunk: string[]) => RawBuilder<{ id: string }>,
): Promise<HubSpotId[]> {
  const changed: HubSpotId[] = [];
  for (const chunk of chunkRows([...new Set(ids)], 1, ctx.flavor.maxParameters, reserved)) {
    const { rows } = await statement(chunk).execute(tx.db);
    for (const row of rows) changed.push(hubSpotId(row.id));
  }
  return changed;
}
