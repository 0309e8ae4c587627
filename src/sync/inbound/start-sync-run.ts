import type { Clock } from "../../core/clock.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { SyncId } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { Store, SyncRun } from "../../store/index.ts";
import { asHubsyncError } from "./as-hubsync-error.ts";
import { acquireSyncLock, type LockOptions, type SyncLease } from "./sync-lock.ts";

/**
 * What every run of a sync, inbound or outbound, does first: take the sync's lease, record the
 * run and tie the lease to it. A failure after the lease was taken releases it again.
 */
export async function startSyncRun(store: Store, sync: SyncId, clock: Clock, options: LockOptions): Promise<Result<{ lease: SyncLease; run: SyncRun }, HubsyncError>> {
  let lease: SyncLease;
  try {
    const locked = await acquireSyncLock(store, sync, clock, options);
    if (!locked.ok) return locked;
    lease = locked.value;
  } catch (error) {
    return err(asHubsyncError(error));
  }
  try {
    const run = await store.createRun({ sync });
    await lease.attachRun(run.id);
    return ok({ lease, run });
  } catch (error) {
    await lease.release();
    return err(asHubsyncError(error));
  }
}

/** Hands progress events to the caller's listener; a listener that throws is logged, never fatal to the run. */
export function progressEmitter<E>(listener: ((event: E) => void) | undefined, logger: Logger, direction: string): (event: E) => void {
  return (event) => {
    try {
      listener?.(event);
    } catch (error) {
      logger.warn({ err: error }, `${direction}: a progress listener threw; ignored`);
    }
  };
}
