import type { SyncId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { cursorFromRow, type CursorKey, type CursorState } from "./cursor-state.ts";

/** The stream's cursor, or undefined before its first commit. Pass `tx` to read inside a transaction. */
export async function getCursor(ctx: StoreContext, key: CursorKey, tx?: StoreTx): Promise<CursorState | undefined> {
  const row = await executor(ctx, tx)
    .selectFrom("sync_cursors")
    .selectAll()
    .where("sync", "=", key.sync)
    .where("stream", "=", key.stream)
    .where("portal", "=", key.portal)
    .executeTakeFirst();
  return row === undefined ? undefined : cursorFromRow(row);
}

/** Every cursor of a sync (all streams, all portals), for status pages. */
export async function listCursors(ctx: StoreContext, sync: SyncId, tx?: StoreTx): Promise<CursorState[]> {
  const rows = await executor(ctx, tx)
    .selectFrom("sync_cursors")
    .selectAll()
    .where("sync", "=", sync)
    .orderBy("stream")
    .orderBy("portal")
    .execute();
  return rows.map(cursorFromRow);
}
