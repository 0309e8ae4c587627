import assert from "node:assert/strict";
import { seedPortal } from "../../emulator/seed/seed-portal.ts";
import { assertMirrors, forEachDriver } from "./test-support/engine-kit.ts";
import { callApi, streamOf } from "./test-support/scene.ts";

const MINUTE = 60_000;

forEachDriver("a full refresh of a seeded portal equals HubSpot's records id for id", async (kit) => {
  const k = await kit({ streams: "contacts: { strategy: full_refresh, associations: [companies] }\ncompanies: { strategy: full_refresh }\ngift: { strategy: full_refresh }\nowners:\npipelines:\nlists:" });
  seedPortal(k.portal, { seed: 5, counts: { owners: 3, companies: 20, contacts: 120, deals: 10, tickets: 5, products: 2, engagements: 10, gifts: 15 } });
  const summary = await k.run();
  assert.deepEqual(summary.streams.map((s) => s.stream), ["contacts", "companies", "gift", "owners", "pipelines", "lists"]);
  await assertMirrors(k, "contacts");
  await assertMirrors(k, "companies");
  await assertMirrors(k, "gift");
  const contacts = streamOf(summary, "contacts");
  assert.equal(contacts.pass, "full_refresh");
  assert.equal(contacts.fetched, 120);
  assert.equal(contacts.written, 120);
  assert.ok(contacts.associationsChanged > 0);
  assert.equal((await k.store.owners(k.portalId)).length, k.portal.owners.list(false).length + k.portal.owners.list(true).length);
  assert.ok((await k.store.pipelines(k.portalId, "deals")).length > 0);
  const run = await k.store.getRun(summary.runId);
  assert.equal(run?.status, "succeeded");
  assert.equal(run?.counts["contacts.written"], 120);
  assert.equal(run?.apiCalls, summary.apiCalls);
  assert.ok(summary.apiCalls > 0);
});

forEachDriver("an incremental run picks up exactly the changes; a run without changes writes nothing with one search per stream", async (kit) => {
  const k = await kit({ streams: "contacts: { associations: [companies] }\ncompanies:" });
  seedPortal(k.portal, { seed: 9, counts: { owners: 2, companies: 15, contacts: 80, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
  const first = await k.run();
  assert.equal(streamOf(first, "contacts").pass, "backfill");
  assert.equal(streamOf(first, "contacts").written, 80);

  k.emulator.control.clock.advance(10 * MINUTE);
  const ids = [...(await k.rows("contacts")).keys()].sort();
  const [a, b, c, d, e, f, g, h] = ids;
  for (const id of [a, b, c]) assert.equal((await callApi(k, "PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { firstname: `Changed ${id}` } })).status, 200);
  const created = await callApi<{ id: string }>(k, "POST", "/crm/v3/objects/contacts", { properties: { email: "new@example.com", firstname: "New" } });
  assert.equal(created.status, 201);
  for (const id of [d, e]) assert.equal((await callApi(k, "DELETE", `/crm/v3/objects/contacts/${id}`)).status, 204);
  const merged = await callApi<{ id: string }>(k, "POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: f, objectIdToMerge: g });
  assert.equal(merged.status, 200);
  k.emulator.control.clock.advance(MINUTE);

  const second = await k.run();
  const contacts = streamOf(second, "contacts");
  assert.equal(contacts.pass, "incremental");
  assert.equal(contacts.written, 5, "3 updated, 1 created, 1 merge survivor");
  assert.equal(contacts.deleted, 2);
  assert.equal(contacts.merged, 2, "both old ids of the merge");
  assert.equal(streamOf(second, "companies").written, 0);
  await assertMirrors(k, "contacts");
  const loser = (await k.rows("contacts", true)).get(g ?? "");
  assert.equal(loser?.mergedInto, merged.body.id);
  assert.ok((await k.rows("contacts", true)).get(d ?? "")?.archived);
  void h;

  k.emulator.control.clock.advance(10 * MINUTE);
  const before = k.client().stats().calls.search;
  const third = await k.run();
  assert.equal(k.client().stats().calls.search - before, 2, "one search per object stream");
  for (const stream of third.streams) {
    assert.equal(stream.written, 0, `${stream.stream} wrote rows`);
    assert.equal(stream.deleted, 0);
    assert.equal(stream.associationsChanged, 0);
  }
});
