import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { errorBody } from "../http/error-body.ts";
import { createEmulator } from "../index.ts";
import { authenticate } from "./authenticate.ts";
import { requireScope } from "./require-scope.ts";

/** A tiny app standing in for the CRM routes: authenticate, then demand the type's read scope. */
function scopedApp() {
  const emulator = createEmulator({ rateLimits: false });
  const state = emulator.parts.state;
  const app = new Hono<EmulatorEnv>();
  app.use("*", async (c, next) => {
    c.set("state", state);
    c.set("correlationId", "00000000-0000-4000-a000-000000000000");
    await next();
  });
  app.use("*", authenticate());
  app.get("/crm/v3/objects/:type", (c) => {
    const type = c.get("portal").resolveType(c.req.param("type"));
    requireScope(c, type.readScopes);
    return c.json({ results: [] });
  });
  app.onError((err, c) => {
    const error = err instanceof ApiError ? err : new ApiError(500, "INTERNAL_ERROR", err.message);
    return c.json(errorBody(error, c.get("correlationId")), error.status as 403);
  });
  const get = async (path: string, token: string) => {
    const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };
  return { state, get };
}

test("a token holding only contacts scopes reads contacts but gets HubSpot's 403 MISSING_SCOPES on companies", async () => {
  const { state, get } = scopedApp();
  const grant = state.tokens.issueAccessToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"], state.clock.now() + 60_000);

  assert.equal((await get("/crm/v3/objects/contacts", grant.token)).status, 200);
  const refused = await get("/crm/v3/objects/companies", grant.token);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.status, "error");
  assert.equal(refused.body.category, "MISSING_SCOPES");
  assert.match(refused.body.message, /hasn't been granted all required scopes/);
  assert.equal(refused.body.correlationId, "00000000-0000-4000-a000-000000000000");
  assert.deepEqual(refused.body.errors, [
    { message: "One or more of the following scopes are required.", context: { requiredGranularScopes: ["crm.objects.companies.read"] } },
  ]);
  assert.deepEqual(refused.body.links, { scopes: "https://developers.hubspot.com/scopes" });
});

test("the default private-app token holds every scope", async () => {
  const { state, get } = scopedApp();
  for (const type of ["contacts", "companies", "deals", "tickets", "products", "line_items", "quotes", "notes"]) {
    assert.equal((await get(`/crm/v3/objects/${type}`, state.defaultToken)).status, 200, type);
  }
});

test("an expired OAuth token is 401 EXPIRED_AUTHENTICATION; a private-app token carrying an expiry is not", async () => {
  const { state, get } = scopedApp();
  state.clock.freeze(true);
  const oauth = state.tokens.issueAccessToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"], state.clock.now() + 1000);
  const pat = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"]);
  // Guard against a private-app grant that ever gains an expiry: it must still never expire.
  pat.expiresAt = state.clock.now() + 1000;
  state.clock.advance(1000 + 2 * 3600_000);
  const expired = await get("/crm/v3/objects/contacts", oauth.token);
  assert.equal(expired.status, 401);
  assert.equal(expired.body.category, "EXPIRED_AUTHENTICATION");
  assert.match(expired.body.message, /expired 2 hour\(s\) ago/);
  assert.equal((await get("/crm/v3/objects/contacts", pat.token)).status, 200);
});
