import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

test("searchByProperty: IN filters of limits.searchMaxInValues values, limits.searchMaxFilterGroups groups a query, every match of every value", async () => {
  // Shrunk: 3 values a filter, 2 groups a query, pages of 4 — so 13 values take 3 queries, some of several pages.
  const kit = emulatorClient({}, { limits: { searchMaxInValues: 3, searchMaxFilterGroups: 2, searchPageSize: 4 } });
  // Domains are not unique: three companies share each of the first five domains.
  const ids = await createRecords(kit, "companies", 30, (i) => ({ domain: `d${i % 10}.example.com`, name: `Co ${i}` }));
  const values = [...Array.from({ length: 12 }, (_, i) => `D${i}.example.com`), "nobody.example.com"];
  kit.emulator.control.stats.reset();

  const matches = await kit.client.searchByProperty("companies", "domain", values, { properties: ["name"] });
  assert.deepEqual([...matches.keys()], values, "keyed by the values as given");
  for (let i = 0; i < 10; i++) {
    const found = matches.get(`D${i}.example.com`) ?? [];
    assert.deepEqual(found.map((r) => r.id).sort(), ids.filter((_, j) => j % 10 === i).sort(), `domain ${i}: upper case given, lower case held`);
    assert.ok(found.every((r) => r.properties["name"]?.startsWith("Co ")));
  }
  assert.deepEqual([matches.get("D10.example.com"), matches.get("D11.example.com"), matches.get("nobody.example.com")], [[], [], []]);

  const searches = kit.emulator.control.stats.snapshot().byRoute["POST /crm/v3/objects/:objectType/search"]?.total ?? 0;
  // 3 queries of 6 values: d0–d5 match 18 companies (5 pages of 4), d6–d11 match 12 (3 pages), the last none (1).
  assert.equal(searches, 5 + 3 + 1);
  assert.equal(kit.client.stats().calls.search, searches);
});

test("searchByProperty with HubSpot's limits: 500 values in one query", async () => {
  const kit = emulatorClient();
  await createRecords(kit, "contacts", 20, (i) => ({ email: `s${i}@example.com`, jobtitle: i % 2 === 0 ? "Engineer" : "Designer" }));
  const values = [...Array.from({ length: 498 }, (_, i) => `Title ${i}`), "engineer", "Designer"];
  const matches = await kit.client.searchByProperty("contacts", "jobtitle", values);
  assert.deepEqual([matches.get("engineer")?.length, matches.get("Designer")?.length, matches.get("Title 3")?.length], [10, 10, 0]);
  assert.equal(kit.client.stats().calls.search, 1);
});
