import { err, ok, type Result } from "../core/result.ts";
import type { ScheduleConfig } from "./hubsync-config.ts";

/** The schedule of a sync that names none. */
export const defaultSchedule = "hourly";

const shorthands: Readonly<Record<string, string>> = {
  hourly: "0 * * * *",
  daily: "0 0 * * *",
};

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const cronFields: readonly CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: months },
  // 7 is Sunday as well as 0, as in every common cron.
  { name: "day-of-week", min: 0, max: 7, names: weekdays },
];

const expected =
  'expected "hourly", "daily", "manual" or a cron expression with 5 fields (minute hour day-of-month month day-of-week)';

/**
 * Reads `schedule:`; the error is a phrase to follow the key path (the caller shows the value). Only the syntax is checked here; the scheduler computes run times.
 * `manual` means the sync runs only when asked (CLI, API, dashboard).
 */
export function parseSchedule(text: string): Result<ScheduleConfig, string> {
  const value = text.trim();
  if (value === "manual") return ok({ kind: "manual" });
  const shorthand = shorthands[value];
  if (shorthand !== undefined) return ok({ kind: "cron", cron: shorthand, text: value });
  const parts = value.split(/\s+/);
  if (parts.length !== cronFields.length) return err(expected);
  for (const [index, field] of cronFields.entries()) {
    const problem = cronFieldProblem(parts[index] ?? "", field);
    if (problem !== undefined) return err(problem);
  }
  return ok({ kind: "cron", cron: parts.join(" "), text: value });
}

function cronFieldProblem(part: string, field: CronField): string | undefined {
  for (const item of part.split(",")) {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (match === null) return `${field.name} field ${JSON.stringify(part)} is not valid`;
    const [, range = "", step] = match;
    if (step !== undefined && Number(step) < 1) return `${field.name} step must be at least 1`;
    if (range === "*") continue;
    for (const bound of range.split("-")) {
      const number = cronValue(bound, field);
      if (number === undefined || number < field.min || number > field.max) {
        return `${field.name} value ${JSON.stringify(bound)} is out of range ${field.min}–${field.max}`;
      }
    }
  }
  return undefined;
}

function cronValue(token: string, field: CronField): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return field.name === "month" ? index + 1 : index;
}
