import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { associatedIds, contactsHolding, duplicatesOf, idsByValue, liveCount } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { createProperty, peopleRows } from "./support/scene.ts";

// Transient answers on batch writes — 423 (a lock under heavy upserts), 429 and 503 — are
// retried until they land, and a retry never creates a second record: contacts upserted by
// email with their companies, and companies created (mode create) with a unique external id.

const ROWS = 200;
const BATCH_WRITE = "/batch/(create|update|upsert|associate/default)$";

for (const driver of drivers) {
  test(`423, 429 and 503 on batch writes are retried: everything lands once [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      clientLimits: { batchSize: 10, associationWriteBatchSize: 25 },
      syncs: {
        people: {
          source: { table: "people" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email", firstname: "first_name" },
          associations: [{ to: "companies", column: "company_id" }],
        },
        accounts: {
          source: { table: "accounts" },
          key: "id",
          object: "companies",
          mode: "create",
          fields: { external_id: "id", name: "name" },
        },
      },
    });
    const { portal, emulator } = h;
    await createProperty(emulator, "companies", { name: "external_id", hasUniqueValue: true });
    const companies = createRecords(portal, "companies", 10, (i) => ({ name: `Seeded ${i}` }));
    const rows = peopleRows(ROWS).map((row, i) => ({ ...row, company_id: companies[i % companies.length]! }));
    await h.db.createTable("people", { id: "text primary key", email: "text", first_name: "text", last_name: "text", company_id: "text" }, rows);
    const accounts = Array.from({ length: 60 }, (_, i) => ({ id: `acct-${i}`, name: `Account ${i}` }));
    await h.db.createTable("accounts", { id: "text primary key", name: "text" }, accounts);

    const rules = [
      emulator.control.faults.add({ kind: "423", match: { method: "POST", pathRegex: BATCH_WRITE }, schedule: { every: 4, count: 3 } }),
      emulator.control.faults.add({ kind: "429", match: { method: "POST", pathRegex: BATCH_WRITE }, schedule: { after: 1, every: 5, count: 3 } }),
      emulator.control.faults.add({ kind: "503", match: { method: "POST", pathRegex: BATCH_WRITE }, schedule: { after: 2, every: 3, count: 3 } }),
    ];

    const people = await h.run("people");
    const created = await h.run("accounts");

    const injected = emulator.control.faults.list().filter((r) => rules.includes(r.id)).map((r) => `${r.kind}×${r.injected}`);
    assert.deepEqual(injected, ["423×3", "429×3", "503×3"], "scene: each fault struck three times");
    assert.equal(people.created, ROWS);
    assert.equal(people.failed, 0);
    assert.equal(people.associationsCreated, ROWS);
    assert.equal(created.created, accounts.length);
    assert.equal(created.failed, 0);

    assert.equal(liveCount(portal, "contacts"), ROWS);
    assert.deepEqual(duplicatesOf(portal, "contacts", "email"), []);
    for (const row of rows) {
      const [id] = contactsHolding(portal, row.email);
      assert.deepEqual(associatedIds(portal, "contacts", id ?? "", "companies"), [row.company_id], `${row.email}'s company`);
    }
    assert.equal(liveCount(portal, "companies"), companies.length + accounts.length);
    const byExternal = idsByValue(portal, "companies", "external_id");
    for (const account of accounts) assert.equal(byExternal.get(account.id)?.length, 1, `${account.id} created once`);
    assert.equal((await h.recordIds("people")).size, ROWS);
    assert.equal((await h.recordIds("accounts")).size, accounts.length);

    const retried = h.requests.entries.filter((r) => r.status === 423 || r.status === 429 || r.status === 503);
    assert.equal(retried.length, 9, "every transient answer was followed by a retry that landed");
  });
}
