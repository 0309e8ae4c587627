import assert from "node:assert/strict";
import { test } from "node:test";
import type { FilterConfig } from "../config/index.ts";
import { filterAst } from "./filter-ast.ts";
import type { FilterProperties } from "./filter-property.ts";
import { toPredicate } from "./to-predicate.ts";

const properties: FilterProperties = new Map([
  ["amount", { type: "number" }],
  ["closedate", { type: "datetime" }],
  ["stage", { type: "enumeration", fieldType: "select" }],
  ["tags", { type: "enumeration", fieldType: "checkbox" }],
  ["name", { type: "string" }],
]);

const matches = (filters: FilterConfig[], record: Record<string, string | null>): boolean => toPredicate(filterAst(filters), properties)(record);

test("an empty filter matches everything", () => {
  assert.equal(matches([], {}), true);
});

test("text compares case-insensitively; enumerations exactly; multi-selects by member", () => {
  assert.equal(matches([{ property: "name", operator: "eq", value: "ACME" }], { name: "acme" }), true);
  assert.equal(matches([{ property: "stage", operator: "eq", value: "Won" }], { stage: "won" }), false);
  assert.equal(matches([{ property: "stage", operator: "eq", value: "won" }], { stage: "won" }), true);
  assert.equal(matches([{ property: "tags", operator: "eq", value: "b" }], { tags: "a;b;c" }), true);
  assert.equal(matches([{ property: "tags", operator: "in", values: ["x", "c"] }], { tags: "a;b;c" }), true);
  assert.equal(matches([{ property: "tags", operator: "not_in", values: ["x", "c"] }], { tags: "a;b;c" }), false);
});

test("numbers and dates compare as numbers, dates given as ISO or epoch ms", () => {
  assert.equal(matches([{ property: "amount", operator: "gt", value: 9 }], { amount: "10" }), true, "10 > 9 numerically, not as text");
  assert.equal(matches([{ property: "amount", operator: "lte", value: "10.0" }], { amount: "10" }), true);
  assert.equal(matches([{ property: "amount", operator: "eq", value: 10 }], { amount: "10.00" }), true);
  assert.equal(matches([{ property: "closedate", operator: "gte", value: "2024-03-01" }], { closedate: "2024-03-01T10:00:00Z" }), true);
  assert.equal(matches([{ property: "closedate", operator: "lt", value: String(Date.parse("2024-03-01")) }], { closedate: "2024-02-29T23:59:59Z" }), true);
  assert.equal(matches([{ property: "amount", operator: "gt", value: 1 }], { amount: "n/a" }), false, "an unreadable number is no value");
});

test("contains, starts_with and ends_with are case-insensitive substring, prefix and suffix tests", () => {
  assert.equal(matches([{ property: "name", operator: "contains", value: "CME C" }], { name: "Acme Corp" }), true);
  assert.equal(matches([{ property: "name", operator: "starts_with", value: "acme" }], { name: "Acme Corp" }), true);
  assert.equal(matches([{ property: "name", operator: "ends_with", value: "CORP" }], { name: "Acme Corp" }), true);
  assert.equal(matches([{ property: "name", operator: "ends_with", value: "acme" }], { name: "Acme Corp" }), false);
  assert.equal(matches([{ property: "name", operator: "not_contains", value: "zzz" }], { name: "Acme" }), true);
});

test("empty and absent values are alike; negations match them, comparisons do not", () => {
  for (const record of [{}, { name: null }, { name: "" }]) {
    assert.equal(matches([{ property: "name", operator: "is_empty" }], record), true);
    assert.equal(matches([{ property: "name", operator: "is_not_empty" }], record), false);
    assert.equal(matches([{ property: "name", operator: "neq", value: "x" }], record), true);
    assert.equal(matches([{ property: "name", operator: "not_in", values: ["x"] }], record), true);
    assert.equal(matches([{ property: "name", operator: "not_contains", value: "x" }], record), true);
    assert.equal(matches([{ property: "name", operator: "eq", value: "x" }], record), false);
    assert.equal(matches([{ property: "name", operator: "contains", value: "x" }], record), false);
    assert.equal(matches([{ property: "amount", operator: "lt", value: 5 }], record), false);
  }
});

test("conditions are ANDed; booleans compare as true/false text", () => {
  const filters: FilterConfig[] = [
    { property: "name", operator: "starts_with", value: "a" },
    { property: "amount", operator: "gte", value: 100 },
  ];
  assert.equal(matches(filters, { name: "Acme", amount: "150" }), true);
  assert.equal(matches(filters, { name: "Acme", amount: "50" }), false);
  assert.equal(matches([{ property: "vip", operator: "eq", value: true }], { vip: "true" }), true);
});
