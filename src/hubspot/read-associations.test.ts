import assert from "node:assert/strict";
import { test } from "node:test";
import type { AssociationRow } from "./read-associations.ts";
import { drain, emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

test("readAssociations: more than 1,000 ids in batches, per-record paging followed, labels and type ids, ids as strings", async () => {
  // A page of 5 associations per record (HubSpot: 500), so one record needs several pages.
  const kit = emulatorClient({ limits: { associationPageMax: 5 } });
  const contacts = await createRecords(kit, "contacts", 1_203, (i) => ({ email: `a${i}@example.com` }));
  const companies = await createRecords(kit, "companies", 13, (i) => ({ name: `Co ${i}` }));
  const [hub, ...others] = companies as [string, ...string[]];
  // Every contact → the hub company, unlabelled (type 279).
  for (let start = 0; start < contacts.length; start += 1_000) {
    const inputs = contacts.slice(start, start + 1_000).map((id) => ({ from: { id }, to: { id: hub } }));
    assert.equal((await kit.api("POST", "/crm/v4/associations/contacts/companies/batch/associate/default", { inputs })).status, 200);
  }
  // One contact also → 12 more companies (13 in all: three pages of 5), one of them labelled.
  const busy = contacts[1_100]!;
  const label = await kit.api<{ results: Array<{ typeId: number; label: string | null }> }>("POST", "/crm/v4/associations/contacts/companies/labels", { label: "Billing", name: "billing" });
  const billing = label.body.results.find((t) => t.label === "Billing")!.typeId;
  const inputs = others.map((id, i) => ({ from: { id: busy }, to: { id }, types: i === 0 ? [{ associationCategory: "USER_DEFINED", associationTypeId: billing }] : [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 279 }] }));
  assert.equal((await kit.api("POST", "/crm/v4/associations/contacts/companies/batch/create", { inputs })).status, 201);
  const lonely = (await createRecords(kit, "contacts", 1, () => ({ email: "lonely@example.com" })))[0]!;
  kit.emulator.control.stats.reset();

  const { items } = await drain(kit.client.readAssociations("contacts", "companies", [...contacts, lonely]));
  const byContact = new Map<string, AssociationRow[]>();
  for (const row of items) byContact.set(row.fromId, [...(byContact.get(row.fromId) ?? []), row]);
  assert.equal(byContact.size, 1_203, "every associated contact, the lonely one absent");
  assert.ok(items.every((row) => typeof row.fromId === "string" && typeof row.toId === "string"));
  assert.deepEqual(byContact.get(contacts[0]!), [{ fromId: contacts[0], toId: hub, typeId: 279, category: "HUBSPOT_DEFINED", label: null }]);
  const busyRows = byContact.get(busy)!;
  assert.deepEqual([...new Set(busyRows.map((r) => r.toId))].sort(), [...companies].sort());
  assert.deepEqual(busyRows.filter((r) => r.label === "Billing").map((r) => [r.toId, r.typeId, r.category]), [[others[0], billing, "USER_DEFINED"]]);

  // 1,204 ids → two batch calls, then two more for the busy contact's second and third pages.
  const calls = kit.emulator.control.stats.snapshot().byRoute["POST /crm/v4/associations/:fromType/:toType/batch/read"];
  assert.equal(calls?.total, 4);
  assert.equal(kit.client.stats().calls["association-read"], 4);
});
