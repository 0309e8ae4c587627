import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

const contacts = "/crm/v3/objects/contacts";

test("requests are counted by method, route pattern and status, 404s and unmatched paths included", async () => {
  const { emulator, call } = emulatorApi();
  await call("GET", contacts);
  await call("GET", "/crm/v3/objects/companies");
  await call("GET", `${contacts}/999999`);
  await call("POST", `${contacts}/batch/read`, { inputs: [] });
  await call("GET", "/crm/v3/nothing-here");
  await call("GET", contacts, undefined, { token: null });
  const s = emulator.control.stats.snapshot();
  assert.equal(s.total, 6);
  assert.deepEqual(s.byMethod, { GET: 5, POST: 1 });
  assert.deepEqual(s.byRoute["GET /crm/v3/objects/:type"], { method: "GET", route: "/crm/v3/objects/:type", total: 3, byStatus: { "200": 2, "401": 1 } });
  assert.deepEqual(s.byRoute["GET /crm/v3/objects/:type/:id"]?.byStatus, { "404": 1 });
  assert.equal(s.byRoute["POST /crm/v3/objects/:type/batch/read"]?.total, 1);
  assert.deepEqual(s.byRoute["GET unmatched"]?.byStatus, { "404": 1 });
  assert.equal(s.byStatus["404"], 2);
  assert.equal(s.byStatus["401"], 1);
  const summed = Object.values(s.byRoute).reduce((n, r) => n + r.total, 0);
  assert.equal(summed, s.total, "every request lands in exactly one route");
});

test("the control plane is never counted", async () => {
  const { emulator, call } = emulatorApi();
  await call("GET", "/__emulator/health");
  await call("GET", "/__emulator/stats");
  await call("GET", "/__emulator/no-such-thing");
  assert.equal(emulator.control.stats.snapshot().total, 0);
});

test("injected faults count as calls, under the route they hit, with network faults as their own statuses", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "503", schedule: { count: 1 } });
  await call("GET", contacts);
  await call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": "429" } });
  await assert.rejects(call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": "reset" } }));
  await assert.rejects(call("POST", contacts, { properties: {} }, { headers: { "X-Emulator-Fault": "lost-response" } }));
  // The app itself answers a timeout at once with its mark; only the transports hold it.
  const marked = await emulator.app.request(contacts, { headers: { authorization: `Bearer ${emulator.info().token}`, "X-Emulator-Fault": "timeout" } });
  assert.equal(marked.headers.get("x-emulator-fault"), null);
  await call("GET", contacts);
  const s = emulator.control.stats.snapshot();
  assert.equal(s.total, 6);
  assert.deepEqual(s.byRoute["GET /crm/v3/objects/:type"]?.byStatus, { "200": 1, "429": 1, "503": 1, reset: 1, timeout: 1 });
  assert.deepEqual(s.byRoute["POST /crm/v3/objects/:type"]?.byStatus, { reset: 1 });
  assert.deepEqual(s.faults, { total: 5, byKind: { "503": 1, "429": 1, reset: 1, "lost-response": 1, timeout: 1 } });
  assert.equal(s.rateLimited, 1);
});

test("genuine rate-limit refusals are counted as rate-limited, not as faults", async () => {
  const { emulator, call } = emulatorApi({ rateLimits: true });
  emulator.parts.rateLimiter.useDailyCalls(emulator.info().portalId, 625_000);
  const answer = await call("GET", contacts);
  assert.equal(answer.status, 429);
  const s = emulator.control.stats.snapshot();
  assert.equal(s.rateLimited, 1);
  assert.equal(s.faults.total, 0);
  assert.deepEqual(s.byRoute["GET /crm/v3/objects/:type"]?.byStatus, { "429": 1 });
});

test("a snapshot is plain JSON, detached from later counting; reset starts over", async () => {
  const { emulator, call } = emulatorApi();
  await call("GET", contacts);
  const before = emulator.control.stats.snapshot();
  assert.deepEqual(JSON.parse(JSON.stringify(before)), before);
  await call("GET", contacts);
  assert.equal(before.total, 1);
  emulator.control.stats.reset();
  const after = emulator.control.stats.snapshot();
  assert.equal(after.total, 0);
  assert.deepEqual(after.byRoute, {});
});
