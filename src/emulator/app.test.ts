import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../test/support/emulator-api.ts";

test("an unknown route answers HubSpot's JSON 404 body", async () => {
  const { call } = emulatorApi();
  const answer = await call("GET", "/crm/v3/nothing-here");
  assert.equal(answer.status, 404);
  assert.equal(answer.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(answer.body.status, "error");
  assert.equal(answer.body.category, "OBJECT_NOT_FOUND");
  assert.match(answer.body.correlationId, /^[0-9a-f-]{36}$/);
});

test("a CRM call without a token is refused with 401 INVALID_AUTHENTICATION", async () => {
  const { call } = emulatorApi();
  const answer = await call("GET", "/crm/v3/objects/contacts", undefined, { token: null });
  assert.equal(answer.status, 401);
  assert.equal(answer.body.category, "INVALID_AUTHENTICATION");
});

test("a token the emulator never issued is refused with 401", async () => {
  const { call } = emulatorApi();
  const answer = await call("GET", "/crm/v3/objects/contacts", undefined, { token: "pat-na1-not-a-real-token" });
  assert.equal(answer.status, 401);
  assert.match(answer.body.message, /invalid or has been revoked/);
});

test("a URL longer than HubSpot accepts answers 414 with a JSON body", async () => {
  const { call } = emulatorApi({ limits: { maxUrlLength: 200 } });
  const answer = await call("GET", `/crm/v3/objects/contacts?properties=${"x".repeat(300)}`);
  assert.equal(answer.status, 414);
  assert.equal(answer.body.status, "error");
});
