import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";
import { contactRows, ignoringTraceIds, liveCount } from "./test-support/write-kit.ts";
import type { WriteOutcome } from "./write-outcome.ts";

const byStatus = (outcomes: WriteOutcome[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  return counts;
};

test("batchCreate: trace ids make HubSpot answer 207, the good inputs land and each bad one is named with its property and message", async () => {
  const kit = emulatorClient();
  await kit.client.createProperty("contacts", { name: "loyalty_points", label: "Loyalty points", type: "number", fieldType: "number", groupName: "contactinformation" });
  const rows = contactRows(6, (i) => ({ email: `t${i}@example.com`, loyalty_points: String(i * 10) }));
  rows[1] = { key: "row-1", properties: { email: "not an email" } };
  rows[4] = { key: "row-4", properties: { email: "t4@example.com", loyalty_points: "lots" } };
  const outcomes = await kit.client.batchCreate("contacts", rows);

  assert.deepEqual(outcomes.map((o) => [o.key, o.status]), [["row-0", "created"], ["row-1", "failed"], ["row-2", "created"], ["row-3", "created"], ["row-4", "failed"], ["row-5", "created"]]);
  assert.deepEqual(outcomes[1]?.error, { category: "VALIDATION_ERROR", code: "INVALID_EMAIL", property: "email", message: "Email address not an email is invalid" });
  assert.equal(outcomes[4]?.error?.property, "loyalty_points");
  assert.equal(outcomes[4]?.error?.code, "INVALID_INTEGER");
  const created = outcomes[5];
  assert.equal(created?.record?.properties["email"], "t5@example.com");
  assert.equal(created?.id, created?.record?.id);
  assert.equal(liveCount(kit, "contacts"), 4);
  assert.equal(kit.client.stats().calls.create, 1, "one call: HubSpot reported the bad inputs itself");
  assert.equal(kit.client.stats().batchSplits, 0);
});

test("pitfall 11: 1,000 rows with 37 bad, HubSpot refusing whole batches (400): 963 land, 37 reported with their reason, none twice", async () => {
  const kit = emulatorClient();
  const client = kit.clientWith({ fetch: ignoringTraceIds(kit) });
  const bad = new Set(Array.from({ length: 37 }, (_, i) => (i * 27 + 5) % 1_000));
  const rows = contactRows(1_000, (i) => (bad.has(i) ? { email: `bad${i}@example.com`, lifecyclestage: `stage-${i}` } : { email: `good${i}@example.com`, lifecyclestage: "lead" }));
  const outcomes = await client.batchCreate("contacts", rows);

  assert.deepEqual(byStatus(outcomes), { created: 963, failed: 37 });
  assert.equal(liveCount(kit, "contacts"), 963);
  for (const [i, outcome] of outcomes.entries()) {
    assert.equal(outcome.key, `row-${i}`);
    if (!bad.has(i)) {
      assert.equal(outcome.record?.properties["email"], `good${i}@example.com`, "each result matched to its own row, though HubSpot sent no trace ids back");
      continue;
    }
    assert.equal(outcome.status, "failed");
    assert.equal(outcome.error?.property, "lifecyclestage");
    assert.equal(outcome.error?.code, "INVALID_OPTION");
    assert.match(outcome.error?.message ?? "", new RegExp(`stage-${i}`), "HubSpot's own words about this row's value");
  }
  const stats = client.stats();
  assert.equal(stats.batchSplits, 37);
  // 10 batches, then two calls per bad row (the rest of its batch, and the row HubSpot quoted, alone).
  assert.equal(stats.calls.create, 10 + 2 * 37);
});

test("a batch refused whatever it holds is not split into single calls: two probes, then its inputs are reported", async () => {
  const kit = emulatorClient();
  const outcomes = await kit.client.batchCreate("unicorns", contactRows(50));
  assert.deepEqual(byStatus(outcomes), { failed: 50 });
  assert.match(outcomes[20]?.error?.message ?? "", /Unable to infer object type from: unicorns/);
  assert.equal(kit.client.stats().calls.create, 3);
});

test("without trace ids, a conflict that quotes no value is isolated by halving and still names the existing record", async () => {
  const kit = emulatorClient();
  const existing = await createRecords(kit, "contacts", 2, (i) => ({ email: `taken${i}@example.com` }));
  const client = kit.clientWith({ fetch: ignoringTraceIds(kit) });
  const rows = contactRows(40, (i) => ({ email: i === 7 ? "taken0@example.com" : i === 30 ? "TAKEN1@example.com" : `free${i}@example.com` }));
  const outcomes = await client.batchCreate("contacts", rows);
  assert.deepEqual(byStatus(outcomes), { created: 38, conflict: 2 });
  assert.deepEqual([outcomes[7]?.id, outcomes[30]?.id], existing);
  assert.equal(liveCount(kit, "contacts"), 40);
  const calls = client.stats().calls.create;
  assert.ok(calls > 3 && calls <= 1 + 2 * 2 * Math.ceil(Math.log2(40)), `${calls} calls`);
});

test("pitfall 10: a 409 on create is a conflict naming the existing record, for a primary and for a secondary email", async () => {
  const kit = emulatorClient();
  const [primaryHolder, merged] = await createRecords(kit, "contacts", 2, (i) => ({ email: i === 0 ? "ada@example.com" : "ada.alt@example.com" }));
  // Merging moves the loser's email into the survivor's hs_additional_emails (its secondary emails).
  const survivor = await kit.api<{ id: string }>("POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: primaryHolder, objectIdToMerge: merged });
  assert.equal(survivor.status, 200);
  const outcomes = await kit.client.batchCreate("contacts", [
    { key: "a", properties: { email: "ada@example.com", firstname: "Ada" } },
    { key: "b", properties: { email: "ADA.ALT@example.com", firstname: "Ada" } },
    { key: "c", properties: { email: "new@example.com" } },
  ]);
  assert.deepEqual(outcomes.map((o) => [o.key, o.status, o.id]), [["a", "conflict", survivor.body.id], ["b", "conflict", survivor.body.id], ["c", "created", outcomes[2]?.id]]);
  assert.equal(outcomes[0]?.error?.category, "CONFLICT");
  assert.match(outcomes[0]?.error?.message ?? "", /Contact already exists\. Existing ID: \d+/);

  // createOrUpdate (the create-then-conflict path) turns those conflicts into updates by id.
  const again = await kit.client.createOrUpdate("contacts", [
    { key: "a", properties: { email: "ada@example.com", firstname: "Ada L." } },
    { key: "d", properties: { email: "dora@example.com" } },
  ]);
  assert.deepEqual(again.map((o) => [o.key, o.status, o.id]), [["a", "updated", survivor.body.id], ["d", "created", again[1]?.id]]);
  assert.equal(again[0]?.record?.properties["firstname"], "Ada L.");
  assert.equal(liveCount(kit, "contacts"), 3);
});

test("batchUpsert: HubSpot's `new` tells created from updated; a re-run that changes nothing reads unchanged", async () => {
  const kit = emulatorClient();
  await createRecords(kit, "contacts", 1, () => ({ email: "old@example.com", firstname: "Old" }));
  const upsert = () =>
    kit.client.batchUpsert("contacts", "email", [
      { key: "old", id: "OLD@example.com", properties: { firstname: "Older" } },
      { key: "new", id: "new@example.com", properties: { firstname: "New" } },
    ]);
  const first = await upsert();
  assert.deepEqual(first.map((o) => [o.key, o.status]), [["old", "updated"], ["new", "created"]]);
  assert.equal(first[0]?.record?.properties["firstname"], "Older");
  kit.emulator.control.clock.advance(60_000);
  const second = await upsert();
  assert.deepEqual(second.map((o) => [o.key, o.status]), [["old", "unchanged"], ["new", "unchanged"]]);
  assert.deepEqual(second.map((o) => o.id), first.map((o) => o.id));
  assert.equal(liveCount(kit, "contacts"), 2);
  assert.equal(kit.client.stats().calls.upsert, 2);
});

test("batchUpdate and batchArchive: missing ids fail alone, duplicate inputs are refused before sending, archives counted", async () => {
  const kit = emulatorClient({}, { limits: { batchSize: 3 } });
  const ids = await createRecords(kit, "companies", 5, (i) => ({ name: `Co ${i}` }));
  const outcomes = await kit.client.batchUpdate("companies", [
    ...ids.map((id, i) => ({ key: `k${i}`, id, properties: { name: `Company ${i}` } })),
    { key: "ghost", id: "999999", properties: { name: "Nobody" } },
    { key: "twice", id: ids[0] ?? "", properties: { name: "Again" } },
  ]);
  assert.deepEqual(byStatus(outcomes), { updated: 5, failed: 2 });
  assert.equal(outcomes[5]?.error?.category, "OBJECT_NOT_FOUND");
  assert.equal(outcomes[6]?.error?.category, "DUPLICATE_INPUT");
  assert.equal(kit.client.stats().calls.update, 2, "six inputs sent, three a call");

  const archived = await kit.client.batchArchive("companies", [ids[0] ?? "", ids[1] ?? "", ids[0] ?? ""]);
  assert.deepEqual(archived.map((o) => o.status), ["archived", "archived", "failed"]);
  assert.equal(liveCount(kit, "companies"), 3);
  assert.equal(kit.client.stats().calls.archive, 1);
});
