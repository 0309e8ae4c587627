import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

const contacts = "/crm/v3/objects/contacts";

test("GET|POST /__emulator/clock reads and moves the emulator's time", async () => {
  const { call } = emulatorApi({ realNow: () => 1_700_000_000_000 });
  assert.deepEqual((await call("GET", "/__emulator/clock")).body, { now: 1_700_000_000_000, iso: "2023-11-14T22:13:20.000Z", frozen: false });
  const moved = await call("POST", "/__emulator/clock", { advanceMs: 60_000 });
  assert.equal(moved.status, 200);
  assert.equal((await call("GET", "/__emulator/clock")).body.now, 1_700_000_060_000);
  const frozen = await call("POST", "/__emulator/clock", { frozen: true, set: 1_800_000_000_000 });
  assert.deepEqual([frozen.body.now, frozen.body.frozen], [1_800_000_000_000, true]);
});

test("bad control bodies are 400 JSON naming the field", async () => {
  const { call } = emulatorApi();
  const typo = await call("POST", "/__emulator/clock", { advance: 5 });
  assert.equal(typo.status, 400);
  assert.equal(typo.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(typo.body.category, "VALIDATION_ERROR");
  assert.match(typo.body.message, /"advance"/);
  const wrongType = await call("POST", "/__emulator/clock", { advanceMs: "soon" });
  assert.match(wrongType.body.message, /`advanceMs`/);
  assert.equal(wrongType.body.errors[0].in, "advanceMs");
  assert.match((await call("POST", "/__emulator/tokens", { scopes: "crm.objects.contacts.read" })).body.message, /`scopes`/);
  assert.match((await call("POST", "/__emulator/faults", { kind: "503", probability: 2 })).body.message, /`probability`/);
  assert.match((await call("POST", "/__emulator/index-lag", {})).body.message, /`indexLagMs`/);
  assert.match((await call("POST", "/__emulator/rate-limits", { enabled: "yes" })).body.message, /`enabled`/);
  assert.match((await call("POST", "/__emulator/portals", { tier: "free" })).body.message, /`tier`/);
  assert.match((await call("POST", "/__emulator/seed", { size: "huge" })).body.message, /`size`/);
});

test("faults over HTTP: add, list, strike, remove, clear", async () => {
  const { call } = emulatorApi();
  const added = await call("POST", "/__emulator/faults", { kind: 503, match: { method: "GET", path: contacts } });
  assert.equal(added.status, 201);
  assert.deepEqual(added.body, { id: "fault-1", kind: "503", match: { method: "GET", path: contacts }, seen: 0, injected: 0 });
  assert.equal((await call("GET", contacts)).status, 503);
  const listed = await call("GET", "/__emulator/faults");
  assert.equal(listed.body.results[0].injected, 1);
  assert.equal(listed.body.injected["503"], 1);
  assert.equal((await call("DELETE", "/__emulator/faults/fault-1")).status, 200);
  assert.equal((await call("DELETE", "/__emulator/faults/fault-1")).status, 404);
  assert.equal((await call("GET", contacts)).status, 200);
  await call("POST", "/__emulator/faults", { kind: "500" });
  assert.deepEqual((await call("DELETE", "/__emulator/faults")).body, { removed: 1 });
  assert.equal((await call("GET", contacts)).status, 200);
});

test("GET /__emulator/stats reads the counts, DELETE answers them and starts over", async () => {
  const { call } = emulatorApi();
  await call("GET", contacts);
  await call("GET", `${contacts}/42`);
  const read = await call("GET", "/__emulator/stats");
  assert.equal(read.body.total, 2);
  assert.equal(read.body.byRoute["GET /crm/v3/objects/:type/:id"].byStatus["404"], 1);
  assert.equal((await call("DELETE", "/__emulator/stats")).body.total, 2);
  assert.equal((await call("GET", "/__emulator/stats")).body.total, 0);
});

test("POST /__emulator/reset empties the records; the default token still works", async () => {
  const { call } = emulatorApi();
  await call("POST", contacts, { properties: { email: "gone@example.com" } });
  assert.equal((await call("GET", contacts)).body.results.length, 1);
  assert.equal((await call("POST", "/__emulator/reset")).status, 200);
  const after = await call("GET", contacts);
  assert.equal(after.status, 200);
  assert.deepEqual(after.body.results, []);
});

test("POST /__emulator/tokens and /portals issue working, scoped tokens", async () => {
  const { call } = emulatorApi();
  const scoped = await call("POST", "/__emulator/tokens", { scopes: ["crm.objects.companies.read"] });
  assert.equal(scoped.status, 201);
  assert.equal((await call("GET", "/crm/v3/objects/companies", undefined, { token: scoped.body.token })).status, 200);
  const denied = await call("GET", contacts, undefined, { token: scoped.body.token });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.category, "MISSING_SCOPES");
  const portal = await call("POST", "/__emulator/portals", { tier: "enterprise" });
  assert.equal(portal.status, 201);
  assert.equal((await call("GET", contacts, undefined, { token: portal.body.token })).status, 200);
  const tier = await call("POST", `/__emulator/portals/${portal.body.portalId}/tier`, { tier: "starter" });
  assert.deepEqual(tier.body, { portalId: portal.body.portalId, tier: "starter" });
  assert.equal((await call("POST", "/__emulator/tokens", { portalId: 99, scopes: [] })).status, 404);
});

test("settings over HTTP: index lag, rate limits, info, health, seed, webhook delivery", async () => {
  const { emulator, call } = emulatorApi();
  assert.deepEqual((await call("POST", "/__emulator/index-lag", { indexLagMs: 250 })).body, { indexLagMs: 250 });
  assert.equal(emulator.parts.state.options.indexLagMs, 250);
  await call("POST", "/__emulator/rate-limits", { enabled: true });
  assert.equal(emulator.parts.state.options.rateLimits, true);
  const info = await call("GET", "/__emulator/info");
  assert.equal(info.body.token, emulator.info().token);
  assert.equal(info.body.indexLagMs, 250);
  assert.deepEqual((await call("GET", "/__emulator/health")).body, { status: "ok" });
  const seeded = await call("POST", "/__emulator/seed", { counts: { owners: 1, companies: 1, contacts: 2, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
  assert.equal(seeded.status, 200);
  assert.equal(seeded.body.counts.contacts, 2);
  assert.equal((await call("GET", contacts)).body.results.length, 2);
  const delivered = await call("POST", "/__emulator/webhooks/deliver");
  assert.equal(delivered.status, 200);
  assert.equal(delivered.body.delivered, 0);
});

test("POST /__emulator/search/flush makes lagging writes searchable at once", async () => {
  const { call } = emulatorApi({ indexLagMs: 60_000 });
  await call("POST", contacts, { properties: { email: "lag@example.com" } });
  assert.equal((await call("POST", `${contacts}/search`, {})).body.total, 0);
  assert.deepEqual((await call("POST", "/__emulator/search/flush")).body, { flushed: true });
  assert.equal((await call("POST", `${contacts}/search`, {})).body.total, 1);
});
