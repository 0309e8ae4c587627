import type { RunId, SyncId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { runFromRow, type SyncRun } from "./sync-run.ts";

export async function getRun(ctx: StoreContext, id: RunId, tx?: StoreTx): Promise<SyncRun | undefined> {
  const row = await executor(ctx, tx).selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : runFromRow(row);
}

export interface ListRunsQuery {
  sync?: SyncId;
  /** Newest first; default 50. */
  limit?: number;
}

/** Recent runs, newest first. */
export async function listRuns(ctx: StoreContext, query: ListRunsQuery = {}, tx?: StoreTx): Promise<SyncRun[]> {
  const rows = await executor(ctx, tx)
    .selectFrom("sync_runs")
    .selectAll()
    .$if(query.sync !== undefined, (qb) => qb.where("sync", "=", query.sync ?? ""))
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit ?? 50)
    .execute();
  return rows.map(runFromRow);
}
