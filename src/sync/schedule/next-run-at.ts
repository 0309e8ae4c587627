import { Cron } from "croner";
import type { ScheduleConfig } from "../../config/index.ts";

/**
 * The first time strictly after `after` (ms since the epoch) that `schedule` fires, in UTC so
 * a schedule means the same on every machine; undefined for `manual` (never by itself) or a
 * cron expression that never fires again (`0 0 30 2 *`). config/parse-schedule.ts only checks
 * the syntax; croner evaluates it (day-of-month and day-of-week OR-ed, as in every common cron).
 */
export function nextRunAt(schedule: ScheduleConfig, after: number): number | undefined {
  if (schedule.kind === "manual") return undefined;
  const next = new Cron(schedule.cron, { timezone: "UTC" }).nextRun(new Date(after));
  return next === null ? undefined : next.getTime();
}
