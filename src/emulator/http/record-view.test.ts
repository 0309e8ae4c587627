import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

const contactDefaults = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];

async function contactWithHistory() {
  const api = emulatorApi();
  const { body } = await api.call("POST", "/crm/v3/objects/contacts", { properties: { email: "ada@example.com", firstname: "Ada", lastname: "L", phone: "+44 1" } });
  api.emulator.parts.state.clock.advance(1000);
  await api.call("PATCH", `/crm/v3/objects/contacts/${body.id}`, { properties: { firstname: "Augusta" } });
  return { ...api, id: body.id as string };
}

test("a read asking only for propertiesWithHistory still gets the type's default properties", async () => {
  const { call, id } = await contactWithHistory();
  const read = await call("GET", `/crm/v3/objects/contacts/${id}?propertiesWithHistory=firstname`);
  assert.equal(read.status, 200);
  assert.deepEqual(Object.keys(read.body.properties).sort(), contactDefaults);
  assert.equal(read.body.properties.firstname, "Augusta");
  assert.equal(read.body.properties.phone, undefined, "only the defaults, not every property");
  assert.deepEqual(read.body.propertiesWithHistory.firstname.map((h: { value: string }) => h.value), ["Augusta", "Ada"]);

  const list = await call("GET", "/crm/v3/objects/contacts?propertiesWithHistory=firstname");
  assert.deepEqual(Object.keys(list.body.results[0].properties).sort(), contactDefaults);
  assert.equal(list.body.results[0].propertiesWithHistory.firstname.length, 2);

  const batch = await call("POST", "/crm/v3/objects/contacts/batch/read", { inputs: [{ id }], properties: [], propertiesWithHistory: ["firstname"] });
  assert.deepEqual(Object.keys(batch.body.results[0].properties).sort(), contactDefaults);
  assert.equal(batch.body.results[0].propertiesWithHistory.firstname.length, 2);
});

test("named properties replace the defaults, with or without history", async () => {
  const { call, id } = await contactWithHistory();
  const read = await call("GET", `/crm/v3/objects/contacts/${id}?properties=phone&propertiesWithHistory=firstname`);
  assert.deepEqual(read.body.properties, { phone: "+44 1" });
  assert.equal(read.body.propertiesWithHistory.firstname.length, 2);
});
