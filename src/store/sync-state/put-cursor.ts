import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { CursorKey, CursorState } from "./cursor-state.ts";

/**
 * Saves a stream's cursor in the caller's transaction — the one that wrote the rows it covers,
 * so a crash leaves both or neither. Optimistic locking: `expectedVersion` is the version the
 * caller read (0 when there was none); if another writer moved it on, nothing is written and
 * the result is a STORE_CONFLICT (roll the transaction back and re-read).
 */
export async function putCursor(
  ctx: StoreContext,
  tx: StoreTx,
  key: CursorKey,
  cursor: unknown,
  expectedVersion: number,
): Promise<Result<CursorState, HubsyncError>> {
  const now = isoFromMs(ctx.clock.now());
  const cursorJson = JSON.stringify(cursor ?? null);
  const version = expectedVersion + 1;
  let written: bigint;
  if (expectedVersion === 0) {
    const result = await tx.db
      .insertInto("sync_cursors")
      .values({ sync: key.sync, stream: key.stream, portal: key.portal, cursor_json: cursorJson, version, updated_at: now })
      .onConflict((oc) => oc.columns(["sync", "stream", "portal"]).doNothing())
      .executeTakeFirst();
    written = result.numInsertedOrUpdatedRows ?? 0n;
  } else {
    const result = await tx.db
      .updateTable("sync_cursors")
      .set({ cursor_json: cursorJson, version, updated_at: now })
      .where("sync", "=", key.sync)
      .where("stream", "=", key.stream)
      .where("portal", "=", key.portal)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    written = result.numUpdatedRows;
  }
  if (written === 0n) {
    return err(
      new HubsyncError("STORE_CONFLICT", `Cursor ${key.sync}/${key.stream} changed since version ${expectedVersion} was read`, {
        subject: `${key.sync}/${key.stream}/${key.portal}`,
        fix: "Another process is running this sync; let it finish (hubsync runs one sync at a time per stream).",
      }),
    );
  }
  return ok({ ...key, cursor: JSON.parse(cursorJson) as unknown, version, updatedAt: now });
}
