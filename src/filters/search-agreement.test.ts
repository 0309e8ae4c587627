import assert from "node:assert/strict";
import { test } from "node:test";
import type { FilterConfig } from "../config/index.ts";
import { drain, emulatorClient } from "../hubspot/test-support/emulator-client.ts";
import { filterAst, filterProperties } from "./filter-ast.ts";
import type { FilterProperties } from "./filter-property.ts";
import { toPredicate } from "./to-predicate.ts";
import { toSearchFilterGroups } from "./to-search-filter-groups.ts";

// The engine pushes a filter into search for a backfill and applies it in memory afterwards:
// both must select the same records, or a mirror would depend on how it was read.
test("every pushable filter selects the same records in HubSpot's search and in memory", async () => {
  const kit = emulatorClient();
  const portal = kit.emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType("deals"));
  const stages = ["appointmentscheduled", "qualifiedtobuy", "closedwon", "closedlost"];
  for (let i = 0; i < 60; i++) {
    const properties: Record<string, string> = { dealname: i % 5 === 0 ? `ACME deal ${i}` : `deal ${i}`, dealstage: stages[i % 4] ?? "closedwon", pipeline: "default" };
    if (i % 7 !== 0) properties["amount"] = String((i * 37) % 500);
    if (i % 2 === 0) properties["closedate"] = new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
    store.create(properties, { sourceType: "INTEGRATION" }, Date.UTC(2024, 0, 1));
  }
  const definitions = await kit.client.properties("deals");
  const cases: FilterConfig[][] = [
    [{ property: "dealstage", operator: "eq", value: "closedwon" }],
    [{ property: "dealstage", operator: "neq", value: "closedwon" }],
    [{ property: "dealstage", operator: "in", values: ["closedwon", "closedlost"] }],
    [{ property: "dealstage", operator: "not_in", values: ["closedwon", "closedlost"] }],
    [{ property: "dealname", operator: "eq", value: "acme DEAL 10" }],
    [{ property: "dealname", operator: "in", values: ["ACME deal 15", "deal 3"] }],
    [{ property: "amount", operator: "gt", value: 250 }],
    [{ property: "amount", operator: "lte", value: "100" }],
    [{ property: "amount", operator: "neq", value: 37 }],
    [{ property: "amount", operator: "not_in", values: [37, 74] }],
    [{ property: "amount", operator: "is_empty" }],
    [{ property: "closedate", operator: "is_not_empty" }, { property: "closedate", operator: "gte", value: "2024-01-20" }],
    [{ property: "closedate", operator: "lt", value: "2024-01-15T00:00:00Z" }, { property: "amount", operator: "gte", value: 0 }],
  ];
  for (const filters of cases) {
    const ast = filterAst(filters);
    const wanted = new Set(filterProperties(ast));
    const info: FilterProperties = new Map(definitions.filter((d) => wanted.has(d.name)).map((d) => [d.name, { type: d.type, fieldType: d.fieldType }]));
    const translation = toSearchFilterGroups(ast, info);
    assert.ok(translation.pushable, JSON.stringify(filters));
    const searched = (await drain(kit.client.searchObjects("deals", { filterGroups: translation.filterGroups, properties: [...wanted] }))).items.map((r) => r.id).sort();
    const predicate = toPredicate(ast, info);
    const all = (await drain(kit.client.listObjects("deals", { properties: [...wanted] }))).items;
    const local = all.filter((r) => predicate(r.properties)).map((r) => r.id).sort();
    assert.deepEqual(local, searched, JSON.stringify(filters));
    assert.ok(searched.length > 0 && searched.length < all.length, `the case selects some records: ${JSON.stringify(filters)}`);
  }
});
