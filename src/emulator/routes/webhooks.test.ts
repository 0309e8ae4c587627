import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

function setup() {
  const api = emulatorApi();
  const { appId, developerApiKey } = api.emulator.info();
  const hooks = (method: string, path: string, body?: unknown, key: string | null = developerApiKey) =>
    api.call(method, `/webhooks/v3/${appId}${path}${key === null ? "" : `?hapikey=${key}`}`, body, { token: null });
  return { ...api, appId, hooks };
}

const settings = { targetUrl: "https://example.test/hubspot", throttling: { period: "SECONDLY", maxConcurrentRequests: 7 } };

test("settings: PUT stores targetUrl and throttling, GET returns them with timestamps, DELETE clears them", async () => {
  const { hooks } = setup();
  assert.equal((await hooks("GET", "/settings")).status, 404);
  const put = await hooks("PUT", "/settings", settings);
  assert.equal(put.status, 200);
  assert.deepEqual({ targetUrl: put.body.targetUrl, throttling: put.body.throttling }, settings);
  assert.match(put.body.createdAt, /^\d{4}-\d\d-\d\dT/);
  assert.match(put.body.updatedAt, /^\d{4}-\d\d-\d\dT/);
  const got = await hooks("GET", "/settings");
  assert.equal(got.status, 200);
  assert.equal(got.body.targetUrl, settings.targetUrl);
  assert.equal(got.body.throttling.maxConcurrentRequests, 7);
  const deleted = await hooks("DELETE", "/settings");
  assert.equal(deleted.status, 204);
  assert.equal((await hooks("GET", "/settings")).status, 404);
});

test("settings: a missing or relative targetUrl and a bad throttling are 400 VALIDATION_ERROR", async () => {
  const { hooks } = setup();
  for (const body of [{}, { targetUrl: "/relative" }, { targetUrl: "ftp://x.test" }, { ...settings, throttling: { maxConcurrentRequests: 0 } }, { ...settings, throttling: { period: "HOURLY", maxConcurrentRequests: 5 } }]) {
    const answer = await hooks("PUT", "/settings", body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.category, "VALIDATION_ERROR");
  }
});

test("the developer API key is required: missing or wrong hapikey is 401 JSON, a bearer token does not help", async () => {
  const { hooks, emulator } = setup();
  const missing = await hooks("GET", "/subscriptions", undefined, null);
  assert.equal(missing.status, 401);
  assert.equal(missing.body.category, "INVALID_AUTHENTICATION");
  assert.equal(missing.headers.get("content-type")?.startsWith("application/json"), true);
  const wrong = await hooks("GET", "/subscriptions", undefined, "not-the-key");
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.message, /API key provided is invalid/);
  const { call } = emulatorApi();
  const bearer = await call("GET", `/webhooks/v3/${emulator.info().appId}/subscriptions`);
  assert.equal(bearer.status, 401);
});

test("a valid key for another app id is 404", async () => {
  const api = emulatorApi();
  const answer = await api.call("GET", `/webhooks/v3/42/subscriptions?hapikey=${api.emulator.info().developerApiKey}`, undefined, { token: null });
  assert.equal(answer.status, 404);
  assert.equal(answer.body.category, "OBJECT_NOT_FOUND");
});

test("subscriptions: create (201, string id, paused by default), list, get, patch, delete", async () => {
  const { hooks } = setup();
  const created = await hooks("POST", "/subscriptions", { eventType: "contact.propertyChange", propertyName: "email", active: true });
  assert.equal(created.status, 201);
  assert.equal(created.body.eventType, "contact.propertyChange");
  assert.equal(created.body.propertyName, "email");
  assert.equal(created.body.active, true);
  assert.match(created.body.id, /^\d+$/);
  const paused = await hooks("POST", "/subscriptions", { eventType: "deal.creation" });
  assert.equal(paused.status, 201);
  assert.equal(paused.body.active, false);
  assert.equal("propertyName" in paused.body, false);

  const list = await hooks("GET", "/subscriptions");
  assert.deepEqual(list.body.results.map((s: { id: string }) => s.id), [created.body.id, paused.body.id]);

  const one = await hooks("GET", `/subscriptions/${paused.body.id}`);
  assert.equal(one.body.eventType, "deal.creation");
  const patched = await hooks("PATCH", `/subscriptions/${paused.body.id}`, { active: true });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.active, true);
  assert.equal((await hooks("GET", `/subscriptions/${paused.body.id}`)).body.active, true);

  assert.equal((await hooks("DELETE", `/subscriptions/${created.body.id}`)).status, 204);
  assert.equal((await hooks("GET", `/subscriptions/${created.body.id}`)).status, 404);
  assert.equal((await hooks("DELETE", `/subscriptions/${created.body.id}`)).status, 404);
  assert.deepEqual((await hooks("GET", "/subscriptions")).body.results.map((s: { id: string }) => s.id), [paused.body.id]);
});

test("subscriptions: unknown eventType, propertyChange without propertyName, stray propertyName and non-boolean active are 400", async () => {
  const { hooks } = setup();
  const cases: Array<[unknown, RegExp]> = [
    [{ eventType: "contact.updated" }, /Unsupported eventType 'contact.updated'.*contact\.creation/],
    [{ eventType: "note.creation" }, /Unsupported eventType/],
    [{}, /eventType is required/],
    [{ eventType: "company.propertyChange" }, /propertyName is required for company.propertyChange/],
    [{ eventType: "deal.creation", propertyName: "amount" }, /only allowed on propertyChange/],
    [{ eventType: "deal.creation", active: "yes" }, /active must be true or false/],
    [{ eventType: "company.privacyDeletion" }, /Unsupported eventType/],
  ];
  for (const [body, message] of cases) {
    const answer = await hooks("POST", "/subscriptions", body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.category, "VALIDATION_ERROR");
    assert.match(answer.body.message, message);
  }
  assert.deepEqual((await hooks("GET", "/subscriptions")).body.results, []);
  const ok = await hooks("POST", "/subscriptions", { eventType: "contact.privacyDeletion", active: true });
  assert.equal(ok.status, 201);
});

test("subscriptions: the same eventType and property twice is a 409 conflict", async () => {
  const { hooks } = setup();
  assert.equal((await hooks("POST", "/subscriptions", { eventType: "ticket.propertyChange", propertyName: "subject" })).status, 201);
  const again = await hooks("POST", "/subscriptions", { eventType: "ticket.propertyChange", propertyName: "subject" });
  assert.equal(again.status, 409);
  assert.equal(again.body.category, "CONFLICT");
  assert.equal((await hooks("POST", "/subscriptions", { eventType: "ticket.propertyChange", propertyName: "content" })).status, 201);
});

test("subscriptions: PATCH needs a boolean active", async () => {
  const { hooks } = setup();
  const created = await hooks("POST", "/subscriptions", { eventType: "company.creation" });
  assert.equal((await hooks("PATCH", `/subscriptions/${created.body.id}`, {})).status, 400);
  assert.equal((await hooks("PATCH", `/subscriptions/${created.body.id}`, { active: 1 })).status, 400);
  assert.equal((await hooks("PATCH", "/subscriptions/999999", { active: true })).status, 404);
});

test("subscriptions batch/update activates many at once; unknown ids give 207 with errors", async () => {
  const { hooks } = setup();
  const a = await hooks("POST", "/subscriptions", { eventType: "contact.creation" });
  const b = await hooks("POST", "/subscriptions", { eventType: "contact.deletion" });
  const all = await hooks("POST", "/subscriptions/batch/update", { inputs: [{ id: Number(a.body.id), active: true }, { id: b.body.id, active: true }] });
  assert.equal(all.status, 200);
  assert.equal(all.body.status, "COMPLETE");
  assert.deepEqual(all.body.results.map((s: { active: boolean }) => s.active), [true, true]);
  assert.ok(all.body.startedAt && all.body.completedAt);

  const partial = await hooks("POST", "/subscriptions/batch/update", { inputs: [{ id: Number(a.body.id), active: false }, { id: 999999, active: true }] });
  assert.equal(partial.status, 207);
  assert.equal(partial.body.numErrors, 1);
  assert.equal(partial.body.errors[0].category, "OBJECT_NOT_FOUND");
  assert.deepEqual(partial.body.errors[0].context.ids, ["999999"]);
  assert.equal((await hooks("GET", `/subscriptions/${a.body.id}`)).body.active, false);

  const invalid = await hooks("POST", "/subscriptions/batch/update", { inputs: [{ id: a.body.id }] });
  assert.equal(invalid.status, 400);
});
