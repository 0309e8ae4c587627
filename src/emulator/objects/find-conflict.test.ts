import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { customObjectType } from "../state/object-type.ts";
import { defineProperty } from "../state/property-definition.ts";

/** A custom object `gift` with a unique `sku`, defined straight in the portal's registries. */
function addGiftType(emulator: ReturnType<typeof emulatorApi>["emulator"]): void {
  const portal = emulator.parts.state.defaultPortal;
  const type = customObjectType(portal.id, "2-901", "gift", "name");
  portal.types.add(type);
  const registry = portal.properties(type);
  const at = emulator.parts.state.clock.iso();
  registry.definitions.set("name", defineProperty({ name: "name", hubspotDefined: false }, at));
  registry.definitions.set("sku", defineProperty({ name: "sku", hasUniqueValue: true, hubspotDefined: false }, at));
  portal.store(type).addUniqueProperty("sku");
}

test("a second contact with the same email (in any case) is 409 CONFLICT naming the existing id", async () => {
  const { call, emulator } = emulatorApi();
  const first = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "sam@example.com" } });
  const second = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "SAM@example.com" } });
  assert.equal(second.status, 409);
  assert.equal(second.body.category, "CONFLICT");
  assert.equal(second.body.message, `Contact already exists. Existing ID: ${first.body.id}`);
  const portal = emulator.parts.state.defaultPortal;
  assert.equal(portal.store(portal.resolveType("contacts")).liveCount, 1);
});

test("an email held as a secondary email (after a merge) conflicts with the record holding it", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@example.com" } });
  const b = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "b@example.com" } });
  const merged = await call("POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: a.body.id, objectIdToMerge: b.body.id });
  assert.equal(merged.body.properties.hs_additional_emails, "b@example.com");
  const again = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "B@example.com" } });
  assert.equal(again.status, 409);
  assert.equal(again.body.message, `Contact already exists. Existing ID: ${merged.body.id}`);
});

test("updates may keep their own unique value but not take another record's", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@example.com" } });
  await call("POST", "/crm/v3/objects/contacts", { properties: { email: "b@example.com" } });
  const keep = await call("PATCH", `/crm/v3/objects/contacts/${a.body.id}`, { properties: { email: "A@EXAMPLE.com", firstname: "A" } });
  assert.equal(keep.status, 200);
  const take = await call("PATCH", `/crm/v3/objects/contacts/${a.body.id}`, { properties: { email: "b@example.com" } });
  assert.equal(take.status, 409);
});

test("an archived record does not hold its unique value", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "gone@example.com" } });
  await call("DELETE", `/crm/v3/objects/contacts/${a.body.id}`);
  const again = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "gone@example.com" } });
  assert.equal(again.status, 201);
});

test("a hasUniqueValue property of a custom object conflicts in HubSpot's words", async () => {
  const { call, emulator } = emulatorApi();
  addGiftType(emulator);
  const first = await call("POST", "/crm/v3/objects/p_gift", { properties: { name: "Mug", sku: "MUG-1" } });
  assert.equal(first.status, 201);
  const second = await call("POST", "/crm/v3/objects/2-901", { properties: { name: "Other mug", sku: "mug-1" } });
  assert.equal(second.status, 409);
  assert.equal(second.body.message, `A gift with the unique value "mug-1" for property "sku" already exists. Existing ID: ${first.body.id}`);
  const byIdProperty = await call("GET", `/crm/v3/objects/gift/MUG-1?idProperty=sku&properties=name`);
  assert.equal(byIdProperty.body.properties.name, "Mug");
});

test("two inputs of one batch taking the same unique value conflict, and nothing is written", async () => {
  const { call, emulator } = emulatorApi();
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/create", {
    inputs: [{ properties: { email: "twin@example.com" } }, { properties: { email: "TWIN@example.com" } }],
  });
  assert.equal(answer.status, 409);
  assert.equal(answer.body.category, "CONFLICT");
  const portal = emulator.parts.state.defaultPortal;
  assert.equal(portal.store(portal.resolveType("contacts")).liveCount, 0);
});
