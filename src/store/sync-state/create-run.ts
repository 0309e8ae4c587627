import type { SyncId } from "../../core/ids.ts";
import { write, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import { runFromRow, type SyncRun } from "./sync-run.ts";

export interface CreateRunInput {
  sync: SyncId;
  /** A run starts queued (waiting for a lock or a slot) or straight away running (the default). */
  status?: "queued" | "running";
  /** Defaults to the store's newId(). */
  id?: string;
}

export async function createRun(ctx: StoreContext, input: CreateRunInput, tx?: StoreTx): Promise<SyncRun> {
  const values = {
    id: input.id ?? ctx.options.newId(),
    sync: input.sync,
    status: input.status ?? "running",
    started_at: isoFromMs(ctx.clock.now()),
    finished_at: null,
    counts_json: "{}",
    api_calls: 0,
    errors_json: "[]",
    error_message: null,
  };
  const row = await write(ctx, tx, (db) => db.insertInto("sync_runs").values(values).returningAll().executeTakeFirstOrThrow());
  return runFromRow(row);
}
