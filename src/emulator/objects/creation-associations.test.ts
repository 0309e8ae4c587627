import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

test("a create with associations writes them, and associations= reads them back", async () => {
  const { call } = emulatorApi();
  const company = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Acme" } });
  const contact = await call("POST", "/crm/v3/objects/contacts", {
    properties: { email: "a@acme.test" },
    associations: [{ to: { id: company.body.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 279 }] }],
  });
  assert.equal(contact.status, 201);
  const read = await call("GET", `/crm/v3/objects/contacts/${contact.body.id}?associations=companies&associations=deals`);
  assert.deepEqual(read.body.associations.companies.results.map((r: { id: string }) => r.id), [company.body.id]);
  assert.equal(read.body.associations.deals, undefined, "types without associations are left out");
  const back = await call("GET", `/crm/v3/objects/companies?associations=contacts`);
  assert.deepEqual(back.body.results[0].associations.contacts.results.map((r: { id: string }) => r.id), [contact.body.id]);
  const plain = await call("GET", `/crm/v3/objects/contacts/${contact.body.id}`);
  assert.equal(plain.body.associations, undefined);
});

test("a create whose association is invalid writes nothing", async () => {
  const { call, emulator } = emulatorApi();
  const company = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Acme" } });
  const wrongType = await call("POST", "/crm/v3/objects/contacts", {
    properties: { email: "a@acme.test" },
    associations: [{ to: { id: company.body.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 280 }] }],
  });
  assert.equal(wrongType.status, 400, "280 is company→contact, not contact→company");
  const missingTarget = await call("POST", "/crm/v3/objects/contacts", {
    properties: { email: "a@acme.test" },
    associations: [{ to: { id: "999999" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 279 }] }],
  });
  assert.equal(missingTarget.status, 400);
  const portal = emulator.parts.state.defaultPortal;
  assert.equal(portal.store(portal.resolveType("contacts")).liveCount, 0);
});
