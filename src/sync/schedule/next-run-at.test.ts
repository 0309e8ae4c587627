import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSchedule, type ScheduleConfig } from "../../config/index.ts";
import { nextRunAt } from "./next-run-at.ts";

const schedule = (text: string): ScheduleConfig => {
  const parsed = parseSchedule(text);
  assert.ok(parsed.ok, text);
  return parsed.value;
};
const at = (iso: string): number => Date.parse(iso);
const next = (text: string, after: string): string | undefined => {
  const time = nextRunAt(schedule(text), at(after));
  return time === undefined ? undefined : new Date(time).toISOString();
};

test("hourly fires at minute 0 of the next hour, strictly after the given time", () => {
  assert.equal(next("hourly", "2024-03-01T12:30:00.000Z"), "2024-03-01T13:00:00.000Z");
  assert.equal(next("hourly", "2024-03-01T13:00:00.000Z"), "2024-03-01T14:00:00.000Z");
  assert.equal(next("hourly", "2024-03-01T12:59:59.999Z"), "2024-03-01T13:00:00.000Z");
  assert.equal(next("hourly", "2024-12-31T23:10:00.000Z"), "2025-01-01T00:00:00.000Z");
});

test("daily fires at midnight UTC", () => {
  assert.equal(next("daily", "2024-03-01T12:30:00.000Z"), "2024-03-02T00:00:00.000Z");
  assert.equal(next("daily", "2024-02-28T00:00:00.000Z"), "2024-02-29T00:00:00.000Z");
});

test("cron expressions: steps, ranges, weekday and month names", () => {
  // Friday 2024-03-01 17:50 → the window closes at 17:45; next is Monday 09:00.
  assert.equal(next("*/15 9-17 * * MON-FRI", "2024-03-01T17:50:00.000Z"), "2024-03-04T09:00:00.000Z");
  assert.equal(next("*/15 9-17 * * MON-FRI", "2024-03-04T09:00:00.000Z"), "2024-03-04T09:15:00.000Z");
  assert.equal(next("30 6 1 JAN,JUL *", "2024-03-01T00:00:00.000Z"), "2024-07-01T06:30:00.000Z");
  // 7 is Sunday, as 0 is.
  assert.equal(next("0 8 * * 7", "2024-03-01T00:00:00.000Z"), "2024-03-03T08:00:00.000Z");
  // Day of month and day of week both named: either fires it (the next Friday, not Friday the 13th).
  assert.equal(next("0 0 13 * FRI", "2024-03-01T12:00:00.000Z"), "2024-03-08T00:00:00.000Z");
});

test("manual never runs by itself; an expression that can never fire again has no next time", () => {
  assert.equal(nextRunAt(schedule("manual"), at("2024-03-01T12:00:00.000Z")), undefined);
  assert.equal(next("0 0 30 2 *", "2024-03-01T12:00:00.000Z"), undefined);
});
