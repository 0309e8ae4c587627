/** Runs syncs on their `schedule`, in one process (multi-machine scheduling is not built yet). */
export { nextRunAt } from "./next-run-at.ts";
export { runScheduler, maxSchedulerWaitMs, type RunSchedulerOptions, type RunSync, type SchedulerDeps, type SyncDirection } from "./run-scheduler.ts";
