import assert from "node:assert/strict";
import { test } from "node:test";
import type { FilterConfig } from "../config/index.ts";
import { describeFilter } from "./describe-filter.ts";
import { filterAst } from "./filter-ast.ts";
import type { FilterProperties } from "./filter-property.ts";
import { toSearchFilterGroups } from "./to-search-filter-groups.ts";

const properties: FilterProperties = new Map([
  ["amount", { type: "number" }],
  ["closedate", { type: "date" }],
  ["stage", { type: "enumeration" }],
  ["name", { type: "string" }],
]);
const translate = (filters: FilterConfig[]) => toSearchFilterGroups(filterAst(filters), properties);

test("exact operators become one ANDed filter group", () => {
  const result = translate([
    { property: "amount", operator: "gte", value: 10 },
    { property: "closedate", operator: "lt", value: "2024-03-01" },
    { property: "stage", operator: "in", values: ["Won", "lost"] },
    { property: "name", operator: "not_in", values: ["ACME", "Beta"] },
    { property: "name", operator: "is_empty" },
    { property: "stage", operator: "is_not_empty" },
  ]);
  assert.deepEqual(result, {
    pushable: true,
    filterGroups: [
      {
        filters: [
          { propertyName: "amount", operator: "GTE", value: "10" },
          { propertyName: "closedate", operator: "LT", value: String(Date.parse("2024-03-01")) },
          { propertyName: "stage", operator: "IN", values: ["Won", "lost"] },
          { propertyName: "name", operator: "NOT_IN", values: ["acme", "beta"] },
          { propertyName: "name", operator: "NOT_HAS_PROPERTY" },
          { propertyName: "stage", operator: "HAS_PROPERTY" },
        ],
      },
    ],
  });
});

test("operators search cannot express exactly are not pushed, with the reason", () => {
  for (const filters of [
    [{ property: "name", operator: "contains", value: "a" }],
    [{ property: "name", operator: "starts_with", value: "a" }],
    [{ property: "name", operator: "gt", value: "m" }],
    [{ property: "amount", operator: "eq", value: "ten" }],
    [{ property: "unknown", operator: "eq", value: "x" }],
  ] satisfies FilterConfig[][]) {
    const result = translate(filters);
    assert.equal(result.pushable, false, JSON.stringify(filters));
    if (!result.pushable) assert.ok(result.reason.length > 0);
  }
});

test("no filter is an empty search and reads as every record", () => {
  assert.deepEqual(translate([]), { pushable: true, filterGroups: [] });
  assert.equal(describeFilter(filterAst([])), "(every record)");
  assert.equal(describeFilter(filterAst([{ property: "amount", operator: "in", values: [1, 2] }, { property: "name", operator: "is_empty" }])), 'amount in ["1", "2"] AND name is_empty');
});
