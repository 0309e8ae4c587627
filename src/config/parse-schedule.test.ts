import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSchedule } from "./parse-schedule.ts";

describe("parseSchedule", () => {
  it("expands the shorthands and keeps manual", () => {
    assert.deepEqual(parseSchedule("hourly"), { ok: true, value: { kind: "cron", cron: "0 * * * *", text: "hourly" } });
    assert.deepEqual(parseSchedule("daily"), { ok: true, value: { kind: "cron", cron: "0 0 * * *", text: "daily" } });
    assert.deepEqual(parseSchedule("manual"), { ok: true, value: { kind: "manual" } });
  });

  it("accepts 5-field cron with lists, ranges, steps and names", () => {
    for (const cron of ["*/15 * * * *", "0 9-17 * * MON-FRI", "5,35 */2 1 JAN,jul 0", "0 0 * * 7", "0 0 1-31/2 * *"]) {
      const result = parseSchedule(cron);
      assert.equal(result.ok, true, cron);
    }
    assert.deepEqual(parseSchedule("  0  3 * * *  "), { ok: true, value: { kind: "cron", cron: "0 3 * * *", text: "0  3 * * *" } });
  });

  it("says what is wrong", () => {
    assert.deepEqual(parseSchedule("61 * * * *"), { ok: false, error: 'minute value "61" is out of range 0–59' });
    assert.deepEqual(parseSchedule("0 0 0 * *"), { ok: false, error: 'day-of-month value "0" is out of range 1–31' });
    assert.deepEqual(parseSchedule("0 0 * FOO *"), { ok: false, error: 'month value "FOO" is out of range 1–12' });
    assert.deepEqual(parseSchedule("*/0 * * * *"), { ok: false, error: "minute step must be at least 1" });
    assert.deepEqual(parseSchedule("0 * * *"), {
      ok: false,
      error: 'expected "hourly", "daily", "manual" or a cron expression with 5 fields (minute hour day-of-month month day-of-week)',
    });
  });
});
