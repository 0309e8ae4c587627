import type { HubsyncConfig, ScheduleConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { syncId } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { Store } from "../../store/index.ts";
import { nextRunAt } from "./next-run-at.ts";

export type SyncDirection = "inbound" | "outbound";

/** Runs one sync to its end; throws (or rejects) when it could not run. */
export type RunSync = (direction: SyncDirection, name: string) => Promise<void>;

export interface SchedulerDeps {
  /** Where the engines record their runs: a sync's next time counts from its last finished one. */
  store: Pick<Store, "listRuns">;
  logger: Logger;
}

export interface RunSchedulerOptions {
  config: Pick<HubsyncConfig, "inbound" | "outbound">;
  deps: SchedulerDeps;
  clock: Clock;
  /** Aborting stops the loop: at once while it waits, after the current run otherwise. */
  signal: AbortSignal;
  runSync: RunSync;
  /** Told the next due sync before each wait (again after a wait that was cut short), for a display. */
  onNext?: (next: { direction: SyncDirection; name: string; at: number }) => void;
}

/**
 * The longest single wait. The loop then re-reads the runs, so a run started by hand
 * (`hubsync sync run`) or by another process moves the next time on; it also keeps each wait
 * far below setTimeout's ceiling (~24.8 days), past which Node fires at once.
 */
export const maxSchedulerWaitMs = 60 * 60 * 1000;

interface Scheduled {
  direction: SyncDirection;
  name: string;
  schedule: ScheduleConfig;
}

/**
 * One process's scheduler: loops over the config's non-manual syncs, waits on `clock` until the
 * earliest is due, runs it, and repeats until `signal` aborts. A sync is due at the first
 * schedule time after its last finished run (after the scheduler started when it never ran, so
 * starting never triggers a burst of runs); a time missed while nothing ran is caught up once.
 * Runs go one at a time, so this process never overlaps a sync with itself; another process's
 * run of the same sync is refused by the engines' lease (SYNC_ALREADY_RUNNING) and skipped until
 * the next time. A failed run is logged and the loop carries on.
 */
export async function runScheduler(options: RunSchedulerOptions): Promise<void> {
  const { config, deps, clock, signal, runSync, onNext } = options;
  const syncs: Scheduled[] = [
    ...config.inbound.map((s) => ({ direction: "inbound" as const, name: s.name, schedule: s.schedule })),
    ...config.outbound.map((s) => ({ direction: "outbound" as const, name: s.name, schedule: s.schedule })),
  ].filter((s) => s.schedule.kind !== "manual");
  const startedAt = clock.now();
  // When this scheduler last tried each sync: a try that recorded no run (refused, or threw
  // before starting) must still move the sync to its next time, or the loop would spin.
  const triedAt = new Map<string, number>();

  while (!signal.aborted) {
    let earliest: { sync: Scheduled; at: number } | undefined;
    for (const sync of syncs) {
      const since = Math.max(await lastFinishedAt(deps.store, sync.name, startedAt), triedAt.get(sync.name) ?? Number.NEGATIVE_INFINITY);
      const at = nextRunAt(sync.schedule, since);
      if (at !== undefined && (earliest === undefined || at < earliest.at)) earliest = { sync, at };
    }
    const wait = earliest === undefined ? maxSchedulerWaitMs : Math.min(maxSchedulerWaitMs, Math.max(0, earliest.at - clock.now()));
    if (wait > 0 || earliest === undefined) {
      if (earliest !== undefined) {
        deps.logger.debug({ sync: earliest.sync.name, at: new Date(earliest.at).toISOString() }, "next scheduled run");
        onNext?.({ direction: earliest.sync.direction, name: earliest.sync.name, at: earliest.at });
      }
      try {
        await clock.sleep(wait, signal);
      } catch (error) {
        if (signal.aborted) break;
        throw error;
      }
      continue;
    }
    const { direction, name } = earliest.sync;
    deps.logger.info({ sync: name, direction, due: new Date(earliest.at).toISOString() }, "scheduled run starting");
    try {
      await runSync(direction, name);
    } catch (error) {
      if (error instanceof HubsyncError && error.code === "SYNC_ALREADY_RUNNING") {
        deps.logger.warn({ sync: name, code: error.code }, "scheduled run skipped: the sync is already running elsewhere");
      } else {
        const code = error instanceof HubsyncError ? error.code : undefined;
        deps.logger.error({ sync: name, direction, code, err: error }, "scheduled run failed; the scheduler carries on");
      }
    } finally {
      triedAt.set(name, clock.now());
    }
  }
  deps.logger.info("scheduler stopped");
}

/** The end of the sync's newest finished run (ms), or `fallback` when it never finished one. */
async function lastFinishedAt(store: Pick<Store, "listRuns">, name: string, fallback: number): Promise<number> {
  // A handful covers a run still going (or abandoned) in front of the last finished one.
  const runs = await store.listRuns({ sync: syncId(name), limit: 10 });
  const finished = runs.find((run) => run.finishedAt !== null)?.finishedAt;
  return finished === undefined || finished === null ? fallback : Date.parse(finished);
}
