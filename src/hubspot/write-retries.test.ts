import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../core/hubsync-error.ts";
import { emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { contactRows, liveCount } from "./test-support/write-kit.ts";
import type { WriteOutcome } from "./write-outcome.ts";

const statuses = (outcomes: WriteOutcome[]): Set<string> => new Set(outcomes.map((o) => o.status));

/** Every contact's email, as HubSpot holds them (a duplicate would show up twice). */
function emails(kit: EmulatorClientKit): string[] {
  const portal = kit.emulator.parts.state.defaultPortal;
  const now = kit.emulator.control.clock.now();
  return [...portal.store(portal.resolveType("contacts")).scan(0, false, now)].map((r) => r.properties["email"] ?? "").sort();
}

const loseTenPercent = (kit: EmulatorClientKit): void => {
  kit.emulator.control.faults.add({ kind: "lost-response", match: { method: "POST", path: "/crm/v3/objects/contacts/batch" }, probability: 0.1 });
};

// Batches of 20 make 25 calls a run, so the 10% dice strike several times.
test("pitfall 10: createOrUpdate of 500 contacts, run twice while 10% of answers are lost after HubSpot applied them: no duplicates", async () => {
  const kit = emulatorClient({}, { limits: { batchSize: 20 } });
  loseTenPercent(kit);
  const rows = contactRows(500);
  const first = await kit.client.createOrUpdate("contacts", rows, { idProperty: "email" });
  kit.emulator.control.clock.advance(10 * 60_000);
  const second = await kit.client.createOrUpdate("contacts", rows.map((r) => ({ ...r, properties: { ...r.properties, lastname: "Again" } })), { idProperty: "email" });

  assert.equal(liveCount(kit, "contacts"), 500);
  assert.deepEqual(emails(kit), rows.map((r) => r.properties["email"]).sort());
  // A retried upsert that HubSpot had applied finds its own record: `unchanged` (HubSpot's `new` is false by then).
  assert.ok([...statuses(first)].every((s) => s === "created" || s === "unchanged"), [...statuses(first)].join());
  const unchanged = first.filter((o) => o.status === "unchanged").length;
  assert.ok(unchanged > 0 && unchanged % 20 === 0 && unchanged < 250, `${unchanged} unchanged: whole batches whose first answer was lost`);
  assert.ok([...statuses(second)].every((s) => s === "updated" || s === "unchanged"), [...statuses(second)].join());
  const portal = kit.emulator.parts.state.defaultPortal;
  const lastnames = [...portal.store(portal.resolveType("contacts")).scan(0, false, kit.emulator.control.clock.now())].map((r) => r.properties["lastname"]);
  assert.deepEqual(new Set(lastnames), new Set(["Again"]), "every row's second write landed");
  assert.deepEqual(second.map((o) => o.id), first.map((o) => o.id));
  const injected = kit.emulator.control.faults.counts()["lost-response"];
  assert.ok(injected >= 1, "answers were lost");
  assert.ok(kit.client.stats().retries >= injected);
});

test("pitfall 10: batchCreate with idProperty checks lost answers by a batch read before re-sending: 500 contacts twice, no duplicates", async () => {
  const kit = emulatorClient({}, { limits: { batchSize: 20 } });
  loseTenPercent(kit);
  const rows = contactRows(500);
  const first = await kit.client.batchCreate("contacts", rows, { idProperty: "email" });
  assert.deepEqual(statuses(first), new Set(["created"]), "a create whose answer was lost but that HubSpot applied still reads created");
  assert.equal(liveCount(kit, "contacts"), 500);
  const stats = kit.client.stats();
  assert.ok(stats.writesVerified >= 1, "lost answers were checked");
  assert.ok(stats.calls["batch-read"] >= stats.writesVerified, "by batch read (no index lag), not search");

  kit.emulator.control.clock.advance(10 * 60_000);
  const second = await kit.client.batchCreate("contacts", rows, { idProperty: "email" });
  assert.deepEqual(statuses(second), new Set(["conflict"]));
  assert.deepEqual(second.map((o) => o.id), first.map((o) => o.id), "each conflict names the record the first run created");
  assert.deepEqual(emails(kit), rows.map((r) => r.properties["email"]).sort());
});

test("a create that failed with a 503 (not applied) is looked for, then sent again and created once", async () => {
  const kit = emulatorClient();
  kit.emulator.control.faults.add({ kind: "503", match: { method: "POST", path: "/crm/v3/objects/contacts/batch/create" }, schedule: { count: 2 } });
  const outcomes = await kit.client.batchCreate("contacts", contactRows(3), { idProperty: "email" });
  assert.deepEqual(statuses(outcomes), new Set(["created"]));
  assert.equal(liveCount(kit, "contacts"), 3);
  const stats = kit.client.stats();
  assert.equal(stats.calls.create, 3);
  assert.equal(stats.writesVerified, 2);
  assert.ok(stats.backoffWaitedMs > 0);
});

test("without an idProperty a lost create answer is reported OUTCOME_UNKNOWN and never sent again", async () => {
  const kit = emulatorClient();
  kit.emulator.control.faults.add({ kind: "lost-response", match: { path: "/crm/v3/objects/companies/batch/create" }, schedule: { count: 1 } });
  const outcomes = await kit.client.batchCreate("companies", [{ key: "acme", properties: { name: "Acme" } }]);
  assert.equal(outcomes[0]?.status, "failed");
  assert.equal(outcomes[0]?.error?.category, "OUTCOME_UNKNOWN");
  assert.match(outcomes[0]?.error?.message ?? "", /idProperty/);
  assert.equal(liveCount(kit, "companies"), 1, "HubSpot applied it once; nothing was sent twice");
  assert.equal(kit.client.stats().calls.create, 1);
});

test("423 Locked and 429 are retried for every write (nothing was applied): created once, retries counted", async () => {
  const kit = emulatorClient();
  kit.emulator.control.faults.add({ kind: "423", match: { path: "/crm/v3/objects/contacts/batch/upsert" }, schedule: { count: 2 } });
  kit.emulator.control.faults.add({ kind: "429", match: { path: "/crm/v3/objects/contacts/batch/create" }, schedule: { count: 1 } });
  kit.emulator.control.faults.add({ kind: "423", match: { path: "/crm/v3/objects/contacts/batch/create" }, schedule: { count: 1 } });
  const upserted = await kit.client.batchUpsert("contacts", "email", [{ key: "u", id: "u@example.com", properties: { firstname: "U" } }]);
  const created = await kit.client.batchCreate("contacts", [{ key: "c", properties: { email: "c@example.com" } }]);
  assert.deepEqual([upserted[0]?.status, created[0]?.status], ["created", "created"]);
  assert.equal(liveCount(kit, "contacts"), 2);
  const stats = kit.client.stats();
  assert.deepEqual([stats.calls.upsert, stats.calls.create, stats.retries, stats.rateLimited, stats.writesVerified], [3, 3, 4, 1, 0]);
});

test("a write the token may not make throws HUBSPOT_MISSING_SCOPES naming the scope: the whole call cannot proceed", async () => {
  const kit = emulatorClient();
  const { token } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
  const readOnly = kit.clientWith({ auth: { kind: "private-app", token } });
  await assert.rejects(readOnly.batchCreate("contacts", contactRows(2)), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_MISSING_SCOPES");
    assert.match(error.message, /crm\.objects\.contacts\.write/);
    return true;
  });
  assert.equal(liveCount(kit, "contacts"), 0);
});

test("HubSpot down for good mid-call: the batch ends UNAVAILABLE and later batches are not sent", async () => {
  const kit = emulatorClient({}, { limits: { batchSize: 2, retry: { attempts: 3 } } });
  kit.emulator.control.faults.add({ kind: "503", match: { path: "/crm/v3/objects/contacts/batch/update" }, schedule: { after: 1 } });
  const created = await kit.client.batchCreate("contacts", contactRows(6));
  const outcomes = await kit.client.batchUpdate("contacts", created.map((o) => ({ key: o.key, id: o.id ?? "", properties: { lastname: "X" } })));
  assert.deepEqual(outcomes.map((o) => o.status), ["updated", "updated", "failed", "failed", "failed", "failed"]);
  assert.equal(outcomes[2]?.error?.category, "OUTCOME_UNKNOWN", "an update retried into the ground may or may not have landed");
  assert.equal(outcomes[4]?.error?.category, "UNAVAILABLE");
  assert.match(outcomes[4]?.error?.message ?? "", /^Not sent: /);
  assert.equal(kit.client.stats().calls.update, 1 + 3);
});
