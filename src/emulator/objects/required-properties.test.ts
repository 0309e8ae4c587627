import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

function addCarType(emulator: ReturnType<typeof emulatorApi>["emulator"]): string {
  return emulator.parts.state.defaultPortal.schemas.create({
    name: "car",
    labels: { singular: "Car", plural: "Cars" },
    primaryDisplayProperty: "model",
    requiredProperties: ["model"],
    properties: [
      { name: "model", label: "Model", type: "string", fieldType: "text" },
      { name: "vin", label: "VIN", type: "string", fieldType: "text", hasUniqueValue: true },
    ],
    associatedObjects: ["CONTACT"],
  }).objectTypeId;
}

test("a custom object's required properties must be set on create and cannot be cleared", async () => {
  const { call, emulator } = emulatorApi();
  const typeId = addCarType(emulator);
  const missing = await call("POST", `/crm/v3/objects/${typeId}`, { properties: { vin: "V1" } });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.errors[0].context.propertyName[0], "model");
  const created = await call("POST", "/crm/v3/objects/car", { properties: { model: "T", vin: "V1" } });
  assert.equal(created.status, 201);
  const cleared = await call("PATCH", `/crm/v3/objects/car/${created.body.id}`, { properties: { model: "" } });
  assert.equal(cleared.status, 400);
  assert.equal((await call("PATCH", `/crm/v3/objects/car/${created.body.id}`, { properties: { model: "S" } })).status, 200);
});

test("a custom object's unique property is an upsert key and conflicts on create", async () => {
  const api = emulatorApi();
  addCarType(api.emulator);
  const upsert = await api.call("POST", "/crm/v3/objects/car/batch/upsert", {
    inputs: [{ id: "VIN-9", idProperty: "vin", properties: { model: "X" } }],
  });
  assert.equal(upsert.status, 200);
  assert.equal(upsert.body.results[0].new, true);
  assert.equal(upsert.body.results[0].properties.vin, "VIN-9");
  const again = await api.call("POST", "/crm/v3/objects/car/batch/upsert", {
    inputs: [{ id: "vin-9", idProperty: "vin", properties: { model: "Y" } }],
  });
  assert.equal(again.body.results[0].new, false);
  assert.equal(again.body.results[0].id, upsert.body.results[0].id);
  const conflict = await api.call("POST", "/crm/v3/objects/car", { properties: { model: "Z", vin: "VIN-9" } });
  assert.equal(conflict.status, 409);
  assert.match(conflict.body.message, /^A car with the unique value "VIN-9" for property "vin" already exists\. Existing ID: \d+$/);
});
