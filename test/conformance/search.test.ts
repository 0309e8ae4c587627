import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FilterOperatorEnum, type Filter, type PublicObjectSearchRequest } from "@hubspot/api-client/lib/codegen/crm/companies/index.js";
import { runningEmulator, sdkError, type RunningEmulator } from "./running-emulator.ts";

const companies = [
  { name: "Acme Corp", numberofemployees: "10", city: "Berlin" },
  { name: "Beta Labs", numberofemployees: "50", city: "Paris" },
  { name: "Gamma Industries", numberofemployees: "100" },
  { name: "Delta Acme Group", numberofemployees: "500", city: "London" },
] as const;

describe("conformance: search operators through searchApi.doSearch", () => {
  let hub: RunningEmulator;
  const idOf = new Map<string, string>();
  before(async () => {
    hub = await runningEmulator();
    for (const properties of companies) {
      const created = await hub.client.crm.companies.basicApi.create({ properties: { ...properties }, associations: [] });
      idOf.set(properties.name, created.id);
    }
  });
  after(() => hub.close());

  /** Names of the companies one filter finds, in result order. */
  async function namesMatching(filter: Filter): Promise<string[]> {
    const answer = await hub.client.crm.companies.searchApi.doSearch({ filterGroups: [{ filters: [filter] }], properties: ["name"], limit: 100 });
    assert.equal(answer.total, answer.results.length);
    return answer.results.map((r) => r.properties["name"] ?? "").sort();
  }

  const cases: Array<[string, Filter, string[]]> = [
    ["EQ is case-insensitive on strings", { propertyName: "city", operator: FilterOperatorEnum.Eq, value: "berlin" }, ["Acme Corp"]],
    ["NEQ", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Neq, value: "50" }, ["Acme Corp", "Delta Acme Group", "Gamma Industries"]],
    ["LT compares numbers as numbers", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Lt, value: "100" }, ["Acme Corp", "Beta Labs"]],
    ["LTE", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Lte, value: "100" }, ["Acme Corp", "Beta Labs", "Gamma Industries"]],
    ["GT", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Gt, value: "100" }, ["Delta Acme Group"]],
    ["GTE", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Gte, value: "100" }, ["Delta Acme Group", "Gamma Industries"]],
    ["BETWEEN is inclusive", { propertyName: "numberofemployees", operator: FilterOperatorEnum.Between, value: "50", highValue: "100" }, ["Beta Labs", "Gamma Industries"]],
    ["IN (lowercase values on strings)", { propertyName: "city", operator: FilterOperatorEnum.In, values: ["berlin", "paris"] }, ["Acme Corp", "Beta Labs"]],
    ["NOT_IN", { propertyName: "numberofemployees", operator: FilterOperatorEnum.NotIn, values: ["10", "500"] }, ["Beta Labs", "Gamma Industries"]],
    ["HAS_PROPERTY", { propertyName: "city", operator: FilterOperatorEnum.HasProperty }, ["Acme Corp", "Beta Labs", "Delta Acme Group"]],
    ["NOT_HAS_PROPERTY", { propertyName: "city", operator: FilterOperatorEnum.NotHasProperty }, ["Gamma Industries"]],
    ["CONTAINS_TOKEN matches a word", { propertyName: "name", operator: FilterOperatorEnum.ContainsToken, value: "acme" }, ["Acme Corp", "Delta Acme Group"]],
    ["CONTAINS_TOKEN with a * wildcard", { propertyName: "name", operator: FilterOperatorEnum.ContainsToken, value: "indus*" }, ["Gamma Industries"]],
    ["NOT_CONTAINS_TOKEN", { propertyName: "name", operator: FilterOperatorEnum.NotContainsToken, value: "acme" }, ["Beta Labs", "Gamma Industries"]],
  ];
  for (const [title, filter, expected] of cases) {
    test(`${filter.operator}: ${title}`, async () => {
      assert.deepEqual(await namesMatching(filter), expected);
    });
  }

  test("filterGroups are ORed, filters inside a group ANDed", async () => {
    const answer = await hub.client.crm.companies.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: "numberofemployees", operator: FilterOperatorEnum.Gte, value: "50" }, { propertyName: "city", operator: FilterOperatorEnum.HasProperty }] },
        { filters: [{ propertyName: "name", operator: FilterOperatorEnum.Eq, value: "Acme Corp" }] },
      ],
      properties: ["name"],
    });
    assert.deepEqual(answer.results.map((r) => r.properties["name"]).sort(), ["Acme Corp", "Beta Labs", "Delta Acme Group"]);
  });

  test("sorts as the SDK types them ('-numberofemployees' descending), values are strings, no sort means creation order", async () => {
    const sorted = await hub.client.crm.companies.searchApi.doSearch({ sorts: ["-numberofemployees"], properties: ["name", "numberofemployees"] });
    assert.deepEqual(sorted.results.map((r) => r.properties["numberofemployees"]), ["500", "100", "50", "10"]);
    const unsorted = await hub.client.crm.companies.searchApi.doSearch({ properties: ["name"] });
    assert.deepEqual(unsorted.results.map((r) => r.id), companies.map((c) => idOf.get(c.name)));
    // `hs_object_id` mirrors the id, as a string.
    assert.equal(unsorted.results[0]!.properties["hs_object_id"], unsorted.results[0]!.id);
  });

  test("free-text query finds words by prefix", async () => {
    const answer = await hub.client.crm.companies.searchApi.doSearch({ query: "gam", properties: ["name"] });
    assert.deepEqual(answer.results.map((r) => r.properties["name"]), ["Gamma Industries"]);
  });

  test("paging: `after` is an offset as a string; the last page has no paging", async () => {
    const first = await hub.client.crm.companies.searchApi.doSearch({ limit: 3, properties: ["name"] });
    assert.equal(first.total, 4);
    assert.equal(first.paging?.next?.after, "3");
    const second = await hub.client.crm.companies.searchApi.doSearch({ limit: 3, after: first.paging!.next!.after, properties: ["name"] });
    assert.equal(second.results.length, 1);
    assert.equal(second.paging, undefined);
  });

  test("breaking a search limit is a 400 VALIDATION_ERROR", async () => {
    const tooMany: PublicObjectSearchRequest = { filterGroups: Array.from({ length: 6 }, () => ({ filters: [{ propertyName: "name", operator: FilterOperatorEnum.HasProperty }] })) };
    const error = await sdkError(() => hub.client.crm.companies.searchApi.doSearch(tooMany));
    assert.equal(error.code, 400);
    assert.equal(error.body.category, "VALIDATION_ERROR");
    assert.equal((await sdkError(() => hub.client.crm.companies.searchApi.doSearch({ limit: 201 }))).code, 400);
  });

  test("archived records never appear in search", async () => {
    const doomed = await hub.client.crm.companies.basicApi.create({ properties: { name: "Doomed Ltd" }, associations: [] });
    assert.equal((await namesMatching({ propertyName: "name", operator: FilterOperatorEnum.ContainsToken, value: "doomed" })).length, 1);
    await hub.client.crm.companies.basicApi.archive(doomed.id);
    assert.deepEqual(await namesMatching({ propertyName: "name", operator: FilterOperatorEnum.ContainsToken, value: "doomed" }), []);
  });
});

describe("conformance: search is eventually consistent", () => {
  let hub: RunningEmulator;
  before(async () => {
    hub = await runningEmulator({ indexLagMs: 2_000 });
    hub.emulator.control.clock.freeze(true);
  });
  after(() => hub.close());

  test("a new record is readable at once but searchable only after the index lag", async () => {
    const created = await hub.client.crm.contacts.basicApi.create({ properties: { email: "late@example.com" }, associations: [] });
    assert.equal((await hub.client.crm.contacts.basicApi.getById(created.id)).id, created.id);
    const request = { filterGroups: [{ filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: "late@example.com" }] }] };
    assert.equal((await hub.client.crm.contacts.searchApi.doSearch(request)).total, 0);
    hub.emulator.control.clock.advance(1_999);
    assert.equal((await hub.client.crm.contacts.searchApi.doSearch(request)).total, 0);
    hub.emulator.control.clock.advance(1);
    assert.deepEqual((await hub.client.crm.contacts.searchApi.doSearch(request)).results.map((r) => r.id), [created.id]);
  });
});

describe("conformance: the search result cap (10,000 in HubSpot, shrunk to 50 here)", () => {
  const cap = 50;
  const total = 137;
  let hub: RunningEmulator;
  before(async () => {
    hub = await runningEmulator({ limits: { searchResultCap: cap } });
    for (let start = 0; start < total; start += 100) {
      const inputs = Array.from({ length: Math.min(100, total - start) }, (_, i) => ({ properties: { email: `c${start + i}@cap.example` }, associations: [] }));
      await hub.client.crm.contacts.batchApi.create({ inputs });
    }
  });
  after(() => hub.close());

  test("paging one query past the cap is a 400, though `total` counts every match", async () => {
    const search = hub.client.crm.contacts.searchApi;
    const seen: string[] = [];
    let after: string | undefined = "0";
    let lastTotal = 0;
    while (after !== undefined && Number(after) + 10 <= cap) {
      const page = await search.doSearch({ limit: 10, after, properties: ["email"] });
      lastTotal = page.total;
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    }
    assert.equal(seen.length, cap);
    assert.equal(lastTotal, total);
    assert.equal(after, String(cap), "HubSpot still hands out an `after` at the cap");
    const error = await sdkError(() => search.doSearch({ limit: 10, after: after!, properties: ["email"] }));
    assert.equal(error.code, 400);
    assert.equal(error.body.category, "VALIDATION_ERROR");
  });

  test("windowing by id (sort hs_object_id ascending, hs_object_id GT last seen) reaches every record", async () => {
    const search = hub.client.crm.contacts.searchApi;
    const seen = new Set<string>();
    let lastId = "0";
    let queries = 0;
    for (;;) {
      // Each window is a fresh query, so its own paging never passes the cap.
      const windowStart = lastId;
      let after: string | undefined = "0";
      let windowCount = 0;
      while (after !== undefined && Number(after) + 20 <= cap) {
        const page = await search.doSearch({
          filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: FilterOperatorEnum.Gt, value: windowStart }] }],
          sorts: ["hs_object_id"],
          properties: ["email"],
          limit: 20,
          after,
        });
        queries += 1;
        for (const record of page.results) {
          assert.ok(!seen.has(record.id));
          seen.add(record.id);
          windowCount += 1;
        }
        if (page.results.length > 0) lastId = page.results.at(-1)!.id;
        after = page.paging?.next?.after;
      }
      if (windowCount === 0) break;
    }
    assert.equal(seen.size, total);
    assert.ok(queries > total / cap);
  });
});
