import assert from "node:assert/strict";
import { test } from "node:test";
import { defineProperty, type PropertySpec } from "../state/property-definition.ts";
import { normalizeValue } from "./normalize-value.ts";

const def = (spec: Partial<PropertySpec>) => defineProperty({ name: "p", ...spec }, "2024-01-01T00:00:00.000Z");
const value = (spec: Partial<PropertySpec>, v: string) => {
  const result = normalizeValue(def(spec), v);
  return result.ok ? result.value : result.error;
};

test("numbers accept integers, decimals and exponents; other text is INVALID_INTEGER or INVALID_DECIMAL", () => {
  assert.equal(value({ type: "number" }, "42"), "42");
  assert.equal(value({ type: "number" }, "-1.25"), "-1.25");
  assert.equal(value({ type: "number" }, "1e3"), "1e3");
  assert.equal(value({ type: "number" }, "abc"), "INVALID_INTEGER");
  assert.equal(value({ type: "number" }, " 42"), "INVALID_INTEGER");
  assert.equal(value({ type: "number" }, "1.2.3"), "INVALID_DECIMAL");
});

test("dates take YYYY-MM-DD or midnight-UTC epoch ms and are stored as YYYY-MM-DD", () => {
  assert.equal(value({ type: "date" }, "2024-03-05"), "2024-03-05");
  assert.equal(value({ type: "date" }, String(Date.UTC(2024, 2, 5))), "2024-03-05");
  assert.equal(value({ type: "date" }, String(Date.UTC(2024, 2, 5, 10))), "INVALID_DATE");
  assert.equal(value({ type: "date" }, "2024-02-30"), "INVALID_DATE");
  assert.equal(value({ type: "date" }, "March 5"), "INVALID_DATE");
});

test("date-times take ISO-8601 or epoch ms and are stored as ISO with ms and Z", () => {
  assert.equal(value({ type: "datetime" }, "2024-03-05T10:20:30Z"), "2024-03-05T10:20:30.000Z");
  assert.equal(value({ type: "datetime" }, "2024-03-05T10:20:30.123456+02:00"), "2024-03-05T08:20:30.123Z");
  assert.equal(value({ type: "datetime" }, "2024-03-05"), "2024-03-05T00:00:00.000Z");
  assert.equal(value({ type: "datetime" }, "1709634030000"), "2024-03-05T10:20:30.000Z");
  assert.equal(value({ type: "datetime" }, "yesterday"), "INVALID_DATETIME");
});

test("booleans are true/false in any case, stored lowercase", () => {
  assert.equal(value({ type: "bool" }, "TRUE"), "true");
  assert.equal(value({ type: "bool" }, "False"), "false");
  assert.equal(value({ type: "bool" }, "yes"), "INVALID_OPTION");
});

test("enumerations must match an option value; checkboxes take ;-separated values", () => {
  assert.equal(value({ type: "enumeration", options: ["a", "b"] }, "a"), "a");
  assert.equal(value({ type: "enumeration", options: ["a", "b"] }, "A"), "INVALID_OPTION");
  assert.equal(value({ type: "enumeration", options: ["a", "b"] }, "a;b"), "INVALID_OPTION");
  assert.equal(value({ type: "enumeration", fieldType: "checkbox", options: ["a", "b"] }, "a;b"), "a;b");
  assert.equal(value({ type: "enumeration", fieldType: "checkbox", options: ["a", "b"] }, "a;c"), "INVALID_OPTION");
});
