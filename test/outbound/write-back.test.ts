import assert from "node:assert/strict";
import { test } from "node:test";
import { outboundRecordIds } from "../../src/sync/index.ts";
import { contactsHolding, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { peopleRows } from "./support/scene.ts";

// Write-back: after a run, `outboundRecordIds` streams every synced row's HubSpot id — from a
// CSV file and from a JSON Lines file — so the app can store both systems' ids.

const ROWS = 1_234;

for (const driver of drivers) {
  test(`outboundRecordIds lists every synced row's HubSpot id, page by page [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: {} });
    const { portal } = h;
    const rows = peopleRows(ROWS);
    const csv = h.csv("people.csv", ["id", "email", "first_name"], rows);
    const companies = Array.from({ length: 40 }, (_, i) => ({ ref: i + 1, name: `Company ${i}`, tags: ["a", "b"] }));
    const jsonl = h.jsonl("companies.jsonl", companies);
    h.setSyncs({
      people: { source: { csv }, key: "id", object: "contacts", mode: "upsert", match: { property: "email", column: "email" }, fields: { email: "email", firstname: "first_name" } },
      companies: { source: { jsonl }, key: "ref", object: "companies", mode: "create", fields: { name: "name" } },
    });
    const before = h.clock.now();
    await h.run("people");
    await h.run("companies");

    let pages = 0;
    const people = new Map<string, string>();
    for await (const page of outboundRecordIds(h.deps, "people")) {
      pages += 1;
      for (const entry of page) {
        assert.ok(!people.has(entry.key), `${entry.key} listed twice`);
        people.set(entry.key, entry.hubspotId);
        assert.ok(Date.parse(entry.syncedAt) >= before - 1_000, `${entry.key} synced at ${entry.syncedAt}`);
      }
    }
    t.diagnostic(`${people.size} ids in ${pages} pages`);
    assert.equal(people.size, ROWS);
    for (const row of rows) assert.deepEqual(contactsHolding(portal, row.email), [people.get(row.id)], `${row.id} → its contact`);

    const companyIds = await h.recordIds("companies");
    assert.deepEqual([...companyIds.keys()].sort(), companies.map((c) => String(c.ref)).sort(), "numeric keys as text");
    for (const c of companies) assert.equal(liveRecord(portal, "companies", companyIds.get(String(c.ref)) ?? "")?.properties["name"], c.name);
    assert.equal((await h.recordIds("no-such-sync")).size, 0, "a sync that never ran has no ids");
  });
}
