import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

test("create, read, update and archive a contact round trip", async () => {
  const { call, emulator } = emulatorApi();
  const created = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "Ada@Example.com", firstname: "Ada" } });
  assert.equal(created.status, 201);
  assert.match(created.body.id, /^\d+$/);
  assert.equal(created.body.properties.email, "ada@example.com");
  assert.equal(created.body.properties.hs_object_id, created.body.id);
  assert.equal(created.body.archived, false);
  const id: string = created.body.id;

  const read = await call("GET", `/crm/v3/objects/contacts/${id}?properties=firstname,lastname`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.properties, { firstname: "Ada", lastname: null });

  emulator.parts.state.clock.advance(60_000);
  const updated = await call("PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { lastname: "Lovelace" } });
  assert.equal(updated.status, 200);
  assert.equal(updated.body.properties.lastname, "Lovelace");
  assert.ok(Date.parse(updated.body.updatedAt) >= Date.parse(created.body.updatedAt) + 60_000);
  assert.equal(updated.body.properties.lastmodifieddate, updated.body.updatedAt);

  const archived = await call("DELETE", `/crm/v3/objects/contacts/${id}`);
  assert.equal(archived.status, 204);
  const gone = await call("GET", `/crm/v3/objects/contacts/${id}`);
  assert.equal(gone.status, 404);
  assert.equal(gone.body.category, "OBJECT_NOT_FOUND");
  assert.equal(gone.body.status, "error");
  const inBin = await call("GET", `/crm/v3/objects/contacts/${id}?archived=true`);
  assert.equal(inBin.status, 200);
  assert.equal(inBin.body.archived, true);
  assert.ok(inBin.body.archivedAt);
  assert.equal((await call("PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { firstname: "x" } })).status, 404);
  assert.equal((await call("DELETE", `/crm/v3/objects/contacts/${id}`)).status, 204, "archiving twice is no error");
});

test("a type is addressed by name, type id or singular name", async () => {
  const { call } = emulatorApi();
  const deal = await call("POST", "/crm/v3/objects/0-3", { properties: { dealname: "Big one", amount: 1500 } });
  assert.equal(deal.status, 201);
  assert.equal(deal.body.properties.amount, "1500", "JSON numbers are stored as strings");
  for (const name of ["deals", "deal", "0-3"]) {
    const read = await call("GET", `/crm/v3/objects/${name}/${deal.body.id}?properties=dealname`);
    assert.equal(read.status, 200, name);
    assert.equal(read.body.properties.dealname, "Big one");
  }
  const unknown = await call("GET", "/crm/v3/objects/widgets/1");
  assert.equal(unknown.status, 400);
});

test("a read that names no properties gets the type's defaults; unknown names are ignored", async () => {
  const { call } = emulatorApi();
  const { body } = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Acme", domain: "acme.test", city: "Oslo" } });
  const plain = await call("GET", `/crm/v3/objects/companies/${body.id}`);
  assert.deepEqual(Object.keys(plain.body.properties).sort(), ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"]);
  const named = await call("GET", `/crm/v3/objects/companies/${body.id}?properties=city&properties=nonsense`);
  assert.deepEqual(named.body.properties, { city: "Oslo" });
});

test("idProperty reads and updates a contact by email, case-insensitively", async () => {
  const { call } = emulatorApi();
  const created = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "grace@example.com" } });
  const read = await call("GET", "/crm/v3/objects/contacts/GRACE@example.com?idProperty=email&properties=email");
  assert.equal(read.status, 200);
  assert.equal(read.body.id, created.body.id);
  const updated = await call("PATCH", "/crm/v3/objects/contacts/grace@example.com?idProperty=email", { properties: { firstname: "Grace" } });
  assert.equal(updated.status, 200);
  assert.equal(updated.body.id, created.body.id);
  assert.equal(updated.body.properties.firstname, "Grace");
  assert.equal((await call("GET", "/crm/v3/objects/contacts/nobody@example.com?idProperty=email")).status, 404);
  const notUnique = await call("GET", "/crm/v3/objects/contacts/Grace?idProperty=firstname");
  assert.equal(notUnique.status, 400);
});

test("updates keep property history, newest first, with the writing app as source", async () => {
  const { call, emulator } = emulatorApi();
  const appId = String(emulator.info().appId);
  const { body } = await call("POST", "/crm/v3/objects/contacts", { properties: { firstname: "One" } });
  emulator.parts.state.clock.advance(1000);
  await call("PATCH", `/crm/v3/objects/contacts/${body.id}`, { properties: { firstname: "Two" } });
  emulator.parts.state.clock.advance(1000);
  await call("PATCH", `/crm/v3/objects/contacts/${body.id}`, { properties: { firstname: "Three" } });
  const read = await call("GET", `/crm/v3/objects/contacts/${body.id}?propertiesWithHistory=firstname`);
  const history = read.body.propertiesWithHistory.firstname;
  assert.deepEqual(history.map((h: { value: string }) => h.value), ["Three", "Two", "One"]);
  for (const entry of history) {
    assert.equal(entry.sourceType, "INTEGRATION");
    assert.equal(entry.sourceId, appId);
  }
  assert.ok(Date.parse(history[0].timestamp) > Date.parse(history[2].timestamp));
});

test('"" clears a value; clearing a value never set is no change', async () => {
  const { call } = emulatorApi();
  const { body } = await call("POST", "/crm/v3/objects/contacts", { properties: { firstname: "Kim", lastname: "" } });
  assert.equal(body.properties.lastname, undefined, "an empty value on create is no value");
  const cleared = await call("PATCH", `/crm/v3/objects/contacts/${body.id}`, { properties: { firstname: "" } });
  assert.equal(cleared.body.properties.firstname, "");
  const read = await call("GET", `/crm/v3/objects/contacts/${body.id}?properties=firstname,lastname&propertiesWithHistory=lastname`);
  assert.equal(read.body.properties.firstname, "");
  assert.equal(read.body.properties.lastname, null);
  assert.deepEqual(read.body.propertiesWithHistory.lastname, []);
});

test("reads need the type's read scope and writes its write scope (403 MISSING_SCOPES)", async () => {
  const { call, emulator } = emulatorApi();
  const state = emulator.parts.state;
  const readOnly = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"]).token;
  assert.equal((await call("GET", "/crm/v3/objects/contacts", undefined, { token: readOnly })).status, 200);
  const write = await call("POST", "/crm/v3/objects/contacts", { properties: { firstname: "x" } }, { token: readOnly });
  assert.equal(write.status, 403);
  assert.equal(write.body.category, "MISSING_SCOPES");
  assert.equal(state.defaultPortal.store(state.defaultPortal.resolveType("contacts")).liveCount, 0);
  const otherType = await call("GET", "/crm/v3/objects/companies", undefined, { token: readOnly });
  assert.equal(otherType.status, 403);
  const batch = await call("POST", "/crm/v3/objects/companies/batch/read", { inputs: [] }, { token: readOnly });
  assert.equal(batch.status, 403);
});
