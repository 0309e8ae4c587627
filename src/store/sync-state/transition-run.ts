import type { Updateable } from "kysely";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { RunId } from "../../core/ids.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { write, type StoreContext } from "../store-context.ts";
import type { DbSyncRun } from "../store-schema.ts";
import type { StoreTx } from "../store-tx.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import { isFinal, isRunStatus, runStatuses, statusesLeadingTo, type RunStatus } from "./run-status.ts";
import { runFromRow, type RunCounts, type RunError, type SyncRun } from "./sync-run.ts";

/** What a run reports as it goes; each field given replaces the stored one. */
export interface RunPatch {
  counts?: RunCounts;
  apiCalls?: number;
  errors?: readonly RunError[];
  errorMessage?: string | null;
}

/**
 * Moves a run to `to` if its lifecycle allows it from the status it has now — checked in the
 * same UPDATE, so two processes finishing one run cannot both win. A final status stamps
 * finished_at. Fails with RUN_NOT_FOUND or RUN_ILLEGAL_TRANSITION.
 */
export async function transitionRun(
  ctx: StoreContext,
  id: RunId,
  to: RunStatus,
  patch: RunPatch = {},
  tx?: StoreTx,
): Promise<Result<SyncRun, HubsyncError>> {
  const set: Updateable<DbSyncRun> = { ...patchColumns(patch), status: to };
  if (isFinal(to)) set.finished_at = isoFromMs(ctx.clock.now());
  return updateRun(ctx, id, set, statusesLeadingTo(to), `→ ${to}`, tx);
}

/** Records progress (counts, API calls, errors) on a run that has not finished. */
export async function recordRunProgress(
  ctx: StoreContext,
  id: RunId,
  patch: RunPatch,
  tx?: StoreTx,
): Promise<Result<SyncRun, HubsyncError>> {
  const open = runStatuses.filter((s) => !isFinal(s));
  return updateRun(ctx, id, patchColumns(patch), open, "progress", tx);
}

async function updateRun(
  ctx: StoreContext,
  id: RunId,
  set: Updateable<DbSyncRun>,
  allowedFrom: readonly RunStatus[],
  what: string,
  tx: StoreTx | undefined,
): Promise<Result<SyncRun, HubsyncError>> {
  return write(ctx, tx, async (db) => {
    const updated =
      allowedFrom.length === 0 || Object.keys(set).length === 0
        ? undefined
        : await db
            .updateTable("sync_runs")
            .set(set)
            .where("id", "=", id)
            .where("status", "in", allowedFrom)
            .returningAll()
            .executeTakeFirst();
    if (updated !== undefined) return ok(runFromRow(updated));
    const current = await db.selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirst();
    if (current === undefined) {
      return err(new HubsyncError("RUN_NOT_FOUND", `Sync run ${id} does not exist`, { subject: id }));
    }
    const status = current.status;
    if (Object.keys(set).length === 0 && isRunStatus(status) && allowedFrom.includes(status)) return ok(runFromRow(current));
    return err(
      new HubsyncError("RUN_ILLEGAL_TRANSITION", `Sync run ${id} is ${current.status}: ${what} is not allowed`, {
        subject: id,
        fix: "A finished run cannot change; start a new run.",
      }),
    );
  });
}

function patchColumns(patch: RunPatch): Updateable<DbSyncRun> {
  const set: Updateable<DbSyncRun> = {};
  if (patch.counts !== undefined) set.counts_json = JSON.stringify(patch.counts);
  if (patch.apiCalls !== undefined) set.api_calls = patch.apiCalls;
  if (patch.errors !== undefined) set.errors_json = JSON.stringify(patch.errors);
  if (patch.errorMessage !== undefined) set.error_message = patch.errorMessage;
  return set;
}
