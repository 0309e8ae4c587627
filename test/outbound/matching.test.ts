import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { duplicatesOf, idsByValue, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, mentions, outboundHarness, problems } from "./support/outbound-harness.ts";
import { createProperty } from "./support/scene.ts";

// How a row finds its record: by a property without unique values (a warning that suggests a
// unique external_id, and a search per look-up that still matches), by the record id, and by
// a custom property with unique values (no search at all).

const isSearch = (r: { method: string; path: string }): boolean => r.method === "POST" && r.path.endsWith("/search");

for (const driver of drivers) {
  test(`matching by a property without unique values warns (suggesting external_id) and still matches through search [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal } = h;
    const existing = createRecords(portal, "companies", 10, (i) => ({ domain: `d${i}.test`, name: "Old" }));
    const rows = Array.from({ length: 15 }, (_, i) => ({ id: `co-${i}`, domain: `d${i}.test`, name: `Company ${i}` }));
    const path = h.csv("companies.csv", ["id", "domain", "name"], rows);
    h.setSyncs({
      companies: {
        source: { csv: path },
        key: "id",
        object: "companies",
        mode: "upsert",
        match: { property: "domain", column: "domain" },
        fields: { domain: "domain", name: "name" },
      },
    });

    const summary = await h.run("companies");
    assert.equal(summary.updated, 10);
    assert.equal(summary.created, 5);
    assert.equal(liveCount(portal, "companies"), 15);
    assert.deepEqual(duplicatesOf(portal, "companies", "domain"), []);
    existing.forEach((id, i) => assert.equal(liveRecord(portal, "companies", id)?.properties["name"], `Company ${i}`, `existing ${id} matched and updated`));
    const ids = await h.recordIds("companies");
    existing.forEach((id, i) => assert.equal(ids.get(`co-${i}`), id));
    assert.ok(h.requests.entries.some((r) => isSearch(r) && r.path === "/crm/v3/objects/companies/search"), "records were looked up through search");

    const warnings = (await h.audit(summary.runId)).filter((e) => e.level === "warn" && mentions(e, "domain") && mentions(e, "external_id"));
    assert.ok(warnings.length >= 1, "a warning names the property and suggests a unique external_id");
    assert.ok(warnings.length <= 2, `one warning per run, not one per row (${warnings.length})`);
  });

  test(`matching by hs_object_id updates the records named; an unknown id is reported, not created [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      syncs: {
        deals: {
          source: { table: "deal_updates" },
          key: "id",
          object: "deals",
          mode: "update",
          match: { property: "hs_object_id", column: "hubspot_id" },
          fields: { dealname: "name", amount: "amount" },
        },
      },
    });
    const { portal } = h;
    const deals = createRecords(portal, "deals", 6, (i) => ({ dealname: `Deal ${i}`, amount: "10" }));
    const rows = [...deals.map((id, i) => ({ id: `u${i}`, hubspot_id: id, name: `Renamed ${i}`, amount: 100 + i })), { id: "u-ghost", hubspot_id: "987654321", name: "Ghost", amount: 1 }];
    await h.db.createTable("deal_updates", { id: "text primary key", hubspot_id: "text", name: "text", amount: "integer" }, rows);

    const summary = await h.run("deals");
    assert.equal(summary.updated, 6);
    assert.equal(summary.created, 0);
    assert.equal(liveCount(portal, "deals"), 6);
    deals.forEach((id, i) => {
      assert.equal(liveRecord(portal, "deals", id)?.properties["dealname"], `Renamed ${i}`);
      assert.equal(liveRecord(portal, "deals", id)?.properties["amount"], String(100 + i));
    });
    const ghost = problems(await h.audit(summary.runId)).filter((e) => mentions(e, "u-ghost"));
    assert.ok(ghost.length > 0, "the row naming an unknown record is reported");
    assert.ok(!h.requests.entries.some(isSearch), "ids need no search");
  });

  test(`matching by a custom property with unique values upserts without searching or warning [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal, emulator } = h;
    await createProperty(emulator, "companies", { name: "external_id", hasUniqueValue: true });
    const existing = createRecords(portal, "companies", 5, (i) => ({ external_id: `ACC-${i}`, name: "Old" }));
    const path = h.jsonl("accounts.jsonl", Array.from({ length: 8 }, (_, i) => ({ account_id: `ACC-${i}`, name: `Account ${i}` })));
    h.setSyncs({
      accounts: {
        source: { jsonl: path },
        key: "account_id",
        object: "companies",
        mode: "upsert",
        match: { property: "external_id", column: "account_id" },
        fields: { external_id: "account_id", name: "name" },
      },
    });

    const summary = await h.run("accounts");
    assert.equal(summary.updated, 5);
    assert.equal(summary.created, 3);
    assert.equal(liveCount(portal, "companies"), 8);
    existing.forEach((id, i) => assert.equal(liveRecord(portal, "companies", id)?.properties["name"], `Account ${i}`));
    const byExternal = idsByValue(portal, "companies", "external_id");
    for (let i = 0; i < 8; i++) assert.equal(byExternal.get(`acc-${i}`)?.length, 1, `ACC-${i} is on one company`);
    assert.ok(!h.requests.entries.some(isSearch), "a unique property needs no search");
    const warnings = (await h.audit(summary.runId)).filter((e) => e.level === "warn");
    assert.deepEqual(warnings.map((e) => e.message), [], "no warning");
  });
}
