import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../test/support/emulator-api.ts";
import { hubspotLimits, resolveOptions } from "./options.ts";

// Every limit lives in `options.limits` with HubSpot's value as default; these tests shrink
// the ones that pages, caps and timings read, and check each is honoured where it applies.

test("defaults are HubSpot's values, and a partial `limits` keeps the rest", () => {
  const options = resolveOptions({ limits: { ownersPageMax: 3 } });
  assert.equal(options.limits.ownersPageMax, 3);
  assert.equal(options.limits.listMembershipsPageMax, 250);
  assert.equal(options.limits.uniquePropertiesPerObject, 10);
  assert.equal(hubspotLimits.ownersPageMax, 500);
  assert.equal(hubspotLimits.archivedRetentionMs, 90 * 24 * 3600 * 1000);
});

test("owners pages follow ownersPageDefault and ownersPageMax", async () => {
  const { emulator, call } = emulatorApi({ limits: { ownersPageDefault: 2, ownersPageMax: 3 } });
  const owners = emulator.parts.state.defaultPortal.owners;
  for (let i = 0; i < 4; i++) owners.create({ email: `o${i}@example.com`, firstName: "O", lastName: String(i) });
  assert.equal((await call("GET", "/crm/v3/owners/")).body.results.length, 2);
  const capped = await call("GET", "/crm/v3/owners/?limit=100");
  assert.equal(capped.body.results.length, 3);
  assert.ok(capped.body.paging.next.after);
});

test("list membership pages and list search pages follow their limits", async () => {
  const limits = { listMembershipsPageDefault: 2, listMembershipsPageMax: 3, listSearchPageDefault: 1, listSearchPageMax: 2 };
  const { emulator, call } = emulatorApi({ limits });
  const portal = emulator.parts.state.defaultPortal;
  const contacts = portal.store(portal.resolveType("contacts"));
  const ids = Array.from({ length: 5 }, () => contacts.create({}, { sourceType: "API" }, emulator.parts.state.clock.now()).id);
  const listIds: string[] = [];
  for (const name of ["A", "B", "C"]) listIds.push((await call("POST", "/crm/v3/lists/", { name, objectTypeId: "0-1", processingType: "MANUAL" })).body.list.listId);
  await call("PUT", `/crm/v3/lists/${listIds[0]}/memberships/add`, ids);
  assert.equal((await call("GET", `/crm/v3/lists/${listIds[0]}/memberships`)).body.results.length, 2);
  assert.equal((await call("GET", `/crm/v3/lists/${listIds[0]}/memberships?limit=100`)).body.results.length, 3);
  assert.equal((await call("POST", "/crm/v3/lists/search", {})).body.lists.length, 1);
  const search = await call("POST", "/crm/v3/lists/search", { count: 100 });
  assert.equal(search.body.lists.length, 2);
  assert.equal(search.body.hasMore, true);
});

test("uniquePropertiesPerObject caps unique properties on the properties API and in a schema", async () => {
  const { call } = emulatorApi({ limits: { uniquePropertiesPerObject: 1 } });
  const unique = { label: "U", type: "string", fieldType: "text", groupName: "companyinformation", hasUniqueValue: true };
  assert.equal((await call("POST", "/crm/v3/properties/companies", { ...unique, name: "u1" })).status, 201);
  const second = await call("POST", "/crm/v3/properties/companies", { ...unique, name: "u2" });
  assert.equal(second.status, 400);
  assert.match(second.body.message, /limit is 1 per object type/);
  const schema = await call("POST", "/crm/v3/schemas", {
    name: "thing",
    labels: { singular: "Thing", plural: "Things" },
    requiredProperties: [],
    associatedObjects: [],
    properties: [
      { name: "a", label: "A", type: "string", hasUniqueValue: true },
      { name: "b", label: "B", type: "string", hasUniqueValue: true },
    ],
  });
  assert.equal(schema.status, 400);
  assert.match(schema.body.message, /limit is 1 per object type/);
});

test("archived records are purged after archivedRetentionMs", async () => {
  const { emulator, call } = emulatorApi({ limits: { archivedRetentionMs: 60_000 } });
  emulator.parts.state.clock.freeze(true);
  const { body } = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Gone" } });
  await call("DELETE", `/crm/v3/objects/companies/${body.id}`);
  emulator.parts.state.clock.advance(59_999);
  assert.equal((await call("GET", "/crm/v3/objects/companies?archived=true")).body.results.length, 1);
  emulator.parts.state.clock.advance(1);
  assert.deepEqual((await call("GET", "/crm/v3/objects/companies?archived=true")).body.results, []);
  assert.equal((await call("GET", `/crm/v3/objects/companies/${body.id}?archived=true`)).status, 404);
});

test("an authorization code lives authorizationCodeTtlMs; webhook deliveries wait webhookTimeoutMs", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true, limits: { authorizationCodeTtlMs: 1_000, webhookTimeoutMs: 1_234 } });
  assert.equal(emulator.parts.webhooks.timeoutMs, 1_234);
  emulator.parts.state.clock.freeze(true);
  const info = emulator.info();
  const redirect = "http://localhost:3000/callback";
  const query = new URLSearchParams({ client_id: info.clientId, redirect_uri: redirect, scope: "oauth" });
  const authorized = await emulator.fetch(`${info.baseUrl}/oauth/authorize?${query}`, { redirect: "manual" });
  const code = new URL(authorized.headers.get("location") ?? "").searchParams.get("code") ?? "";
  emulator.parts.state.clock.advance(1_000);
  const fields = { grant_type: "authorization_code", code, redirect_uri: redirect, client_id: info.clientId, client_secret: info.clientSecret };
  const answer = await emulator.fetch(`${info.baseUrl}/oauth/v1/token`, { method: "POST", body: new URLSearchParams(fields) });
  assert.equal(answer.status, 400);
  assert.equal(((await answer.json()) as { status: string }).status, "BAD_AUTH_CODE");
});
