import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalTimestamp, normaliseTimestamp } from "./iso-timestamp.ts";

test("timestamps normalise to one ISO form, UTC, milliseconds", () => {
  const cases: [string, string | null][] = [
    ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05.000Z"],
    ["2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05.123Z"],
    ["2024-01-02 03:04:05-0530", "2024-01-02T08:34:05.000Z"],
    ["2024-01-02T03:04+02", "2024-01-02T01:04:00.000Z"],
    ["2024-01-02", "2024-01-02T00:00:00.000Z"],
    ["0050-06-01", "0050-06-01T00:00:00.000Z"],
    ["1704164645000", "2024-01-02T03:04:05.000Z"],
    ["2024-13-01", null],
    ["2024-04-31", null],
    ["2024-01-02T24:00:00Z", null],
    ["99999-01-01", null],
    ["soon", null],
  ];
  for (const [raw, expected] of cases) assert.equal(normaliseTimestamp(raw), expected, raw);
});

test("a malformed timestamp passed by code is a bug", () => {
  assert.throws(() => canonicalTimestamp("tomorrow"), TypeError);
});
