import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { contactsHolding, duplicatesOf, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { createProperty, peopleColumns, peopleRows } from "./support/scene.ts";

// Pitfall 10: outbound duplicates — search-then-create races, an email HubSpot holds as a
// secondary email, retries that create twice. The same upsert runs three times (the third
// resends every row) while the emulator applies one POST in ten and then drops the answer:
// afterwards each email belongs to exactly one contact, each external id to exactly one
// company, and every row knows its record.

const PEOPLE = 500;
const SECONDARY = 20; // rows whose email an existing contact holds as a secondary email
const ACCOUNTS = 200;

for (const driver of drivers) {
  test(`pitfall 10: upserts under 10% lost responses create no duplicates; a secondary email is matched, not duplicated [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      // Batches of 10: about 50 POSTs a run, so the lost answers really happen.
      clientLimits: { batchSize: 10 },
      syncs: {
        people: {
          source: { table: "people" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email", firstname: "first_name", lastname: "last_name" },
        },
        accounts: {
          source: { table: "accounts" },
          key: "id",
          object: "companies",
          mode: "upsert",
          match: { property: "external_id", column: "id" },
          fields: { external_id: "id", name: "name", domain: "domain" },
        },
      },
    });
    const { portal, emulator } = h;
    await createProperty(emulator, "companies", { name: "external_id", hasUniqueValue: true });
    const rows = peopleRows(PEOPLE);
    // Every 25th row's email is already someone's secondary email.
    const secondaryRows = rows.filter((_, i) => i % (PEOPLE / SECONDARY) === 0);
    const holders = createRecords(portal, "contacts", SECONDARY, (i) => ({
      email: `primary${i}@elsewhere.test`,
      firstname: "Holder",
      hs_additional_emails: secondaryRows[i]!.email,
    }));
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `acct-${i}`, name: `Account ${i}`, domain: `account${i}.test` }));
    await h.db.createTable("people", peopleColumns, rows);
    await h.db.createTable("accounts", { id: "text primary key", name: "text", domain: "text" }, accounts);

    const rule = emulator.control.faults.add({ kind: "lost-response", probability: 0.1, match: { method: "POST" } });

    for (const [label, options] of [["first run", {}], ["second run", {}], ["third run (every row resent)", { full: true }]] as const) {
      await h.run("people", options);
      await h.run("accounts", options);

      assert.deepEqual(duplicatesOf(portal, "contacts", "email"), [], `${label}: no email on two contacts`);
      assert.equal(liveCount(portal, "contacts"), PEOPLE, `${label}: ${PEOPLE - SECONDARY} contacts created + ${SECONDARY} matched by secondary email`);
      for (const row of rows) {
        const holding = contactsHolding(portal, row.email);
        assert.equal(holding.length, 1, `${label}: ${row.email} is held by ${JSON.stringify(holding)}`);
      }
      secondaryRows.forEach((row, i) => assert.deepEqual(contactsHolding(portal, row.email), [holders[i]], `${label}: ${row.email} matched the contact holding it as a secondary email`));
      assert.deepEqual(duplicatesOf(portal, "companies", "external_id"), [], `${label}: no external id on two companies`);
      assert.equal(liveCount(portal, "companies"), ACCOUNTS, `${label}: one company per account`);

      // Write-back: every row knows its record, and it is the record holding its values.
      const people = await h.recordIds("people");
      assert.equal(people.size, PEOPLE, `${label}: every person row has its HubSpot id`);
      for (const row of rows) {
        const id = people.get(row.id);
        assert.ok(id !== undefined, `${label}: row ${row.id} has no HubSpot id`);
        assert.deepEqual(contactsHolding(portal, row.email), [id], `${label}: row ${row.id} points at the contact holding ${row.email}`);
        assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], row.first_name, `${label}: row ${row.id}'s values landed`);
      }
      const accountIds = await h.recordIds("accounts");
      assert.equal(accountIds.size, ACCOUNTS);
      for (const account of accounts) {
        assert.equal(liveRecord(portal, "companies", accountIds.get(account.id) ?? "")?.properties["external_id"], account.id, `${label}: ${account.id}'s id`);
      }
    }
    const injected = emulator.control.faults.list().find((r) => r.id === rule)?.injected ?? 0;
    t.diagnostic(`${injected} responses lost after the write was applied`);
    assert.ok(injected >= 5, `the scene lost ${injected} responses (expected several)`);
  });
}
