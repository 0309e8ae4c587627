import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

test("private-app token info names the portal, the app and exactly the token's scopes", async () => {
  const { emulator, call } = emulatorApi();
  const issued = emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
  const answer = await call<{ hubId: number; appId: number; scopes: string[] }>("POST", "/oauth/v2/private-apps/get/access-token-info", { tokenKey: issued.token });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.hubId, emulator.info().portalId);
  assert.equal(typeof answer.body.appId, "number");
  assert.deepEqual(answer.body.scopes, ["crm.objects.contacts.read"]);
});

test("private-app token info: an unknown token is a 401, a missing tokenKey a 400", async () => {
  const { call } = emulatorApi();
  assert.equal((await call("POST", "/oauth/v2/private-apps/get/access-token-info", { tokenKey: "pat-na1-nope" })).status, 401);
  assert.equal((await call("POST", "/oauth/v2/private-apps/get/access-token-info", {})).status, 400);
});
