import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { ApiError } from "../http/api-error.ts";

const contacts = "/crm/v3/objects/contacts";

test("reset empties every portal, keeps the default token working, and clears faults and stats", async () => {
  const { emulator, call } = emulatorApi();
  const other = emulator.control.createPortal();
  assert.equal((await call("POST", contacts, { properties: { email: "a@example.com" } })).status, 201);
  assert.equal((await call("POST", contacts, { properties: { email: "b@example.com" } }, { token: other.token })).status, 201);
  emulator.control.faults.add({ kind: "503", match: { path: "/crm/v3/owners" } });
  emulator.control.reset();
  assert.deepEqual(emulator.control.faults.list(), []);
  assert.equal(emulator.control.stats.snapshot().total, 0);
  const mine = await call("GET", contacts);
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.body.results, []);
  assert.deepEqual((await call("GET", contacts, undefined, { token: other.token })).body.results, []);
  assert.equal((await call("GET", "/crm/v3/owners/")).status, 200, "the fault rule is gone");
  assert.equal(emulator.parts.state.defaultPortal.id, emulator.info().portalId);
});

test("issueToken gives a token with only the scopes asked for", async () => {
  const { emulator, call } = emulatorApi();
  const { token, scopes } = emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
  assert.deepEqual(scopes, ["crm.objects.contacts.read"]);
  assert.equal((await call("GET", contacts, undefined, { token })).status, 200);
  const write = await call("POST", contacts, { properties: { email: "x@example.com" } }, { token });
  assert.equal(write.status, 403);
  assert.equal(write.body.category, "MISSING_SCOPES");
  assert.equal((await call("GET", "/crm/v3/objects/companies", undefined, { token })).status, 403);
  assert.throws(() => emulator.control.issueToken({ portalId: 1, scopes: [] }), (e: unknown) => e instanceof ApiError && e.status === 404);
});

test("createPortal makes an isolated portal of the asked tier whose token holds every scope", async () => {
  const { emulator, call } = emulatorApi();
  const { portalId, token } = emulator.control.createPortal({ tier: "starter" });
  assert.notEqual(portalId, emulator.info().portalId);
  assert.equal(emulator.parts.state.portals.get(portalId)?.tier, "starter");
  assert.equal((await call("POST", contacts, { properties: { email: "iso@example.com" } }, { token })).status, 201);
  assert.deepEqual((await call("GET", contacts)).body.results, [], "the default portal does not see it");
  assert.equal((await call("GET", "/crm/v3/owners/", undefined, { token })).status, 200);
  emulator.control.setTier(portalId, "enterprise");
  assert.equal(emulator.parts.state.portals.get(portalId)?.tier, "enterprise");
});

test("the clock moves, freezes and jumps under control", () => {
  const { emulator } = emulatorApi({ realNow: () => 1_000_000 });
  const { clock } = emulator.control;
  assert.equal(clock.now(), 1_000_000);
  assert.deepEqual(clock.advance(5_000), { now: 1_005_000, iso: new Date(1_005_000).toISOString(), frozen: false });
  assert.equal(clock.freeze(true).frozen, true);
  assert.equal(clock.set(2_000_000_000_000).now, 2_000_000_000_000);
  assert.equal(emulator.parts.state.clock.now(), 2_000_000_000_000);
});

test("settings: index lag, rate limits", () => {
  const { emulator } = emulatorApi();
  emulator.control.setIndexLag(1_234);
  assert.equal(emulator.parts.state.options.indexLagMs, 1_234);
  assert.throws(() => emulator.control.setIndexLag(-1), /indexLagMs/);
  emulator.control.setRateLimits(true);
  assert.equal(emulator.parts.state.options.rateLimits, true);
  assert.equal(emulator.control.info().rateLimits, true);
});

test("seed fills the default portal, deterministically from the emulator's seed", async () => {
  const counts = { owners: 1, companies: 2, contacts: 3, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 };
  const emails = async (seed: number): Promise<string[]> => {
    const { emulator, call } = emulatorApi({ seed });
    const report = emulator.control.seed({ counts });
    assert.equal(report.counts.contacts, 3);
    const list = await call("GET", `${contacts}?properties=email`);
    return list.body.results.map((r: { properties: { email: string } }) => r.properties.email);
  };
  const first = await emails(3);
  assert.equal(first.length, 3);
  assert.deepEqual(await emails(3), first);
  assert.notDeepEqual(await emails(4), first);
});

test("info describes the emulator, its portals and its settings", () => {
  const { emulator } = emulatorApi();
  emulator.control.createPortal();
  const info = emulator.control.info();
  assert.equal(info.token, emulator.info().token);
  assert.equal(info.portals.length, 2);
  assert.equal(info.indexLagMs, 0);
  assert.equal(info.rateLimits, false);
});
