import assert from "node:assert/strict";
import { test } from "node:test";
import { coerceValue } from "./coerce-value.ts";
import { valueKindOf } from "./value-kind.ts";

test("HubSpot types map to column kinds; unknown types stay text", () => {
  assert.deepEqual(
    ["string", "enumeration", "phone_number", "number", "date", "datetime", "bool", "object_coordinates"].map(valueKindOf),
    ["text", "text", "text", "double", "date", "timestamp", "boolean", "text"],
  );
});

test("numbers: decimals and exponents parse; anything else does not", () => {
  for (const [raw, value] of [["42", 42], [" -1.5 ", -1.5], ["1e3", 1000], [".5", 0.5], ["3.", 3]] as const) {
    assert.deepEqual(coerceValue("double", raw), { ok: true, value }, raw);
  }
  for (const raw of ["12,5", "NaN", "Infinity", "0x10", "1e999", "1 000", "abc"]) {
    assert.deepEqual(coerceValue("double", raw), { ok: false }, raw);
  }
});

test("booleans, dates and datetimes", () => {
  assert.deepEqual(coerceValue("boolean", "TRUE"), { ok: true, value: true });
  assert.deepEqual(coerceValue("boolean", "0"), { ok: true, value: false });
  assert.deepEqual(coerceValue("boolean", "yes"), { ok: false });
  assert.deepEqual(coerceValue("date", "2024-02-29"), { ok: true, value: "2024-02-29" });
  assert.deepEqual(coerceValue("date", "2023-02-29"), { ok: false });
  assert.deepEqual(coerceValue("date", "1709164800000"), { ok: true, value: "2024-02-29" });
  assert.deepEqual(coerceValue("timestamp", "2024-02-29T10:00:00+01:00"), { ok: true, value: "2024-02-29T09:00:00.000Z" });
  assert.deepEqual(coerceValue("timestamp", "2024-02-29T10:00"), { ok: true, value: "2024-02-29T10:00:00.000Z" }, "no zone is UTC");
  assert.deepEqual(coerceValue("timestamp", "29/02/2024"), { ok: false });
});

test("empty means cleared: NULL for typed columns, kept for text; null is NULL everywhere", () => {
  assert.deepEqual(coerceValue("double", "  "), { ok: true, value: null });
  assert.deepEqual(coerceValue("text", ""), { ok: true, value: "" });
  assert.deepEqual(coerceValue("timestamp", null), { ok: true, value: null });
  assert.deepEqual(coerceValue("text", undefined), { ok: true, value: null });
});
