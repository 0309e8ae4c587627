import assert from "node:assert/strict";
import { test } from "node:test";
import { drain, emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

const CAP = 50;

test("searchObjects without a sort reads past the search cap in id order, each id once", async () => {
  const kit = emulatorClient({ limits: { searchResultCap: CAP } }, { limits: { searchResultCap: CAP } });
  const ids = await createRecords(kit, "companies", 180, (i) => ({ name: `Co ${i}`, industry: i % 3 === 0 ? "COMPUTER_SOFTWARE" : "RETAIL" }));
  const { items } = await drain(kit.client.searchObjects("companies", { properties: ["name"] }));
  assert.deepEqual(items.map((r) => r.id), ids);
  const software = await drain(kit.client.searchObjects("companies", { filterGroups: [{ filters: [{ propertyName: "industry", operator: "EQ", value: "COMPUTER_SOFTWARE" }] }] }));
  assert.deepEqual(software.items.map((r) => r.id), ids.filter((_, i) => i % 3 === 0));
  assert.equal(kit.emulator.control.stats.snapshot().byStatus["400"], undefined);
});

test("searchObjects with a sort pages by offset and fails loudly, not silently short, at the cap", async () => {
  const kit = emulatorClient({ limits: { searchResultCap: CAP } }, { limits: { searchResultCap: CAP, searchPageSize: 20 } });
  await createRecords(kit, "companies", 80, (i) => ({ name: `Co ${String(i).padStart(3, "0")}` }));
  const sorts = [{ propertyName: "name", direction: "DESCENDING" as const }];
  const read: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const page of kit.client.searchObjects("companies", { sorts, properties: ["name"] })) read.push(...page.results.map((r) => r.properties["name"] ?? ""));
    })(),
    { code: "HUBSPOT_BAD_REQUEST" },
  );
  assert.equal(read.length, CAP);
  assert.equal(read[0], "Co 079");
  // Under the cap, a sorted search completes.
  const few = await drain(kit.client.searchObjects("companies", { sorts, properties: ["name"], filterGroups: [{ filters: [{ propertyName: "name", operator: "CONTAINS_TOKEN", value: "*" }, { propertyName: "name", operator: "LT", value: "Co 030" }] }] }));
  assert.equal(few.items.length, 30);
});
