import assert from "node:assert/strict";
import { inboundStatus } from "./inbound-status.ts";
import { assertMirrors, emulatorRecords, forEachDriver, SYNC } from "./test-support/engine-kit.ts";
import { callApi, streamOf } from "./test-support/scene.ts";
import { createAt, updateAt } from "./test-support/scene-records.ts";

const HOUR = 3_600_000;
const stages = ["lead", "customer", "Customer", "opportunity"];

for (const [label, filter] of [
  ["pushed into search", "{ property: lifecyclestage, operator: eq, value: customer }"],
  ["applied in memory", "{ property: email, operator: ends_with, value: '@Keep.example' }"],
] as const) {
  forEachDriver(`a filtered stream (${label}) mirrors the matching records; one that stops matching leaves the mirror, one that starts matching joins it`, async (kit) => {
    const k = await kit({ streams: `contacts: { properties: [lifecyclestage], filters: [${filter}] }` });
    const ids = createAt(k.portal, "contacts", 24, k.clock.now() - HOUR, (i) => ({
      email: `c${i}@${i % 3 === 0 ? "keep" : "drop"}.example`,
      lifecyclestage: i % 3 === 0 ? "customer" : (stages[i % 4] ?? "lead"),
    }));
    const matching = (): string[] =>
      [...emulatorRecords(k.portal, "contacts")]
        .filter(([, p]) => (label === "pushed into search" ? p["lifecyclestage"] === "customer" : (p["email"] ?? "").endsWith("@keep.example")))
        .map(([id]) => id)
        .sort();
    const before = k.client().stats().calls;
    await k.run();
    const calls = k.client().stats().calls;
    if (label === "pushed into search") assert.equal(calls.list - before.list, 1, "the first backfill reads through search (the one list call is the archived sweep)");
    assert.deepEqual([...(await k.rows("contacts")).keys()].sort(), matching());

    k.emulator.control.clock.advance(HOUR);
    const leaving = ids[0] ?? "";
    const joining = ids[1] ?? "";
    updateAt(k.portal, "contacts", [leaving], k.clock.now(), () => ({ lifecyclestage: "lead", email: "c0@drop.example" }));
    updateAt(k.portal, "contacts", [joining], k.clock.now(), () => ({ lifecyclestage: "customer", email: "c1@keep.example" }));
    k.emulator.control.clock.advance(60_000);
    const second = await k.run();
    assert.equal(streamOf(second, "contacts").written, 1);
    assert.equal(streamOf(second, "contacts").deleted, 1);
    assert.deepEqual([...(await k.rows("contacts")).keys()].sort(), matching());
    const left = (await k.rows("contacts", true)).get(leaving);
    assert.ok(left !== undefined && left.deletedAt !== null && !left.archived, "kept, marked deleted, not archived");
    const audit = await k.store.auditEntries(second.runId);
    assert.ok(audit.some((e) => e.action === "filtered_out" && e.recordId === leaving));
  });
}

forEachDriver("a property added in HubSpot becomes a column at the next run, and nothing is lost", async (kit) => {
  const k = await kit({ streams: "contacts:" });
  const [id] = createAt(k.portal, "contacts", 3, k.clock.now() - HOUR, (i) => ({ email: `d${i}@example.com` }));
  await k.run();
  const created = await callApi(k, "POST", "/crm/v3/properties/contacts", { name: "favorite_color", label: "Favorite color", type: "string", fieldType: "text", groupName: "contactinformation" });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  k.emulator.control.clock.advance(HOUR);
  updateAt(k.portal, "contacts", [id ?? ""], k.clock.now(), () => ({ favorite_color: "teal" }));
  k.emulator.control.clock.advance(60_000);
  const summary = await k.run();
  assert.equal(streamOf(summary, "contacts").columnsAdded, 1);
  const table = await k.store.objectTable("contacts");
  assert.ok(table?.columns.some((c) => c.property === "favorite_color"));
  assert.equal((await k.rows("contacts")).get(id ?? "")?.values["favorite_color"], "teal");
  await assertMirrors(k, "contacts");
});

forEachDriver("property history is kept for the chosen properties, on the backfill and for later changes", async (kit) => {
  const k = await kit({ streams: "contacts: { history: [firstname] }" });
  const [id] = createAt(k.portal, "contacts", 2, k.clock.now() - 2 * HOUR, (i) => ({ email: `h${i}@example.com`, firstname: "Ann" }));
  updateAt(k.portal, "contacts", [id ?? ""], k.clock.now() - HOUR, () => ({ firstname: "Anne" }));
  await k.run();
  assert.deepEqual((await k.store.propertyHistory(k.portalId, "contacts", id ?? "", "firstname")).map((h) => h.value).sort(), ["Ann", "Anne"]);
  k.emulator.control.clock.advance(HOUR);
  updateAt(k.portal, "contacts", [id ?? ""], k.clock.now(), () => ({ firstname: "Annie" }));
  k.emulator.control.clock.advance(60_000);
  await k.run();
  assert.deepEqual((await k.store.propertyHistory(k.portalId, "contacts", id ?? "", "firstname")).map((h) => h.value).sort(), ["Ann", "Anne", "Annie"]);
});

forEachDriver("client-side incremental reads everything and writes only what changed", async (kit) => {
  const k = await kit({ streams: "companies: { strategy: client_incremental }" });
  const ids = createAt(k.portal, "companies", 30, k.clock.now() - 2 * HOUR, (i) => ({ name: `Co ${i}` }));
  const first = await k.run();
  assert.equal(streamOf(first, "companies").written, 30);
  k.emulator.control.clock.advance(HOUR);
  updateAt(k.portal, "companies", ids.slice(0, 2), k.clock.now(), (id) => ({ name: `Renamed ${id}` }));
  k.emulator.control.clock.advance(60_000);
  const before = k.client().stats().calls.search;
  const second = await k.run();
  assert.equal(k.client().stats().calls.search - before, 0);
  assert.equal(streamOf(second, "companies").pass, "client_incremental");
  assert.equal(streamOf(second, "companies").fetched, 30);
  assert.equal(streamOf(second, "companies").written, 2);
  await assertMirrors(k, "companies");
});

forEachDriver("status shows HubSpot's count, local and deleted rows, the last run and the cursor per stream", async (kit) => {
  const k = await kit({ streams: "contacts:\nowners:" });
  const ids = createAt(k.portal, "contacts", 6, k.clock.now() - HOUR, (i) => ({ email: `s${i}@example.com` }));
  await k.run();
  assert.equal((await callApi(k, "DELETE", `/crm/v3/objects/contacts/${ids[0]}`)).status, 204);
  k.emulator.control.clock.advance(60_000);
  const run = await k.run();
  const status = await inboundStatus(k.deps, k.config, SYNC);
  assert.ok(status.ok);
  const contacts = status.value.streams.find((s) => s.stream === "contacts");
  assert.equal(contacts?.hubspotTotal, 5);
  assert.equal(contacts?.localRows, 5);
  assert.equal(contacts?.deletedRows, 1);
  assert.equal(contacts?.lastRun?.runId, run.runId);
  assert.equal((contacts?.cursor as { phase?: string } | undefined)?.phase, "incremental");
  const missing = await inboundStatus(k.deps, k.config, "nope");
  assert.ok(!missing.ok && missing.error.code === "SYNC_NOT_FOUND");
});
