import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../core/hubsync-error.ts";
import { emulatorClient } from "./test-support/emulator-client.ts";

test("properties and groups: created once, found on a re-run, refused definitions thrown with HubSpot's words", async () => {
  const kit = emulatorClient();
  const group = await kit.client.createPropertyGroup("deals", { name: "renewals", label: "Renewals" });
  assert.deepEqual([group.status, group.value.name], ["created", "renewals"]);
  assert.equal((await kit.client.createPropertyGroup("deals", { name: "renewals", label: "Renewals" })).status, "existing");

  const definition = { name: "renewal_tier", label: "Renewal tier", type: "enumeration", fieldType: "select", groupName: "renewals", options: [{ label: "Gold", value: "gold" }, { label: "Silver", value: "silver" }] } as const;
  const created = await kit.client.createProperty("deals", definition);
  assert.equal(created.status, "created");
  assert.deepEqual(created.value.options.map((o) => o.value), ["gold", "silver"]);
  const existing = await kit.client.createProperty("deals", definition);
  assert.deepEqual([existing.status, existing.value.name, existing.value.groupName], ["existing", "renewal_tier", "renewals"]);
  assert.ok((await kit.client.properties("deals")).some((p) => p.name === "renewal_tier"));
  assert.equal(kit.client.stats().calls["metadata-write"], 4);

  await assert.rejects(kit.client.createProperty("deals", { name: "broken", label: "Broken", type: "string", fieldType: "text", groupName: "no_such_group" }), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_BAD_REQUEST");
    assert.match(error.message, /property "broken" of deals/);
    assert.match(error.message, /no_such_group/);
    return true;
  });
});

test("a property create whose answer was lost is looked up by name before it is sent again", async () => {
  const kit = emulatorClient();
  kit.emulator.control.faults.add({ kind: "lost-response", match: { method: "POST", path: "/crm/v3/properties/contacts" }, schedule: { count: 1 } });
  kit.emulator.control.faults.add({ kind: "503", match: { method: "POST", path: "/crm/v3/properties/companies" }, schedule: { count: 1 } });
  const lost = await kit.client.createProperty("contacts", { name: "shoe_size", label: "Shoe size", type: "number", fieldType: "number", groupName: "contactinformation" });
  assert.equal(lost.status, "created");
  const refused = await kit.client.createProperty("companies", { name: "shoe_size", label: "Shoe size", type: "number", fieldType: "number", groupName: "companyinformation" });
  assert.equal(refused.status, "created");
  const stats = kit.client.stats();
  assert.equal(stats.writesVerified, 2);
  // contacts: sent once, then found; companies: refused (503), not found, sent again.
  assert.equal(stats.calls["metadata-write"], 3);
});

test("custom object schemas: created with a unique property, read back by name, an unknown one is undefined", async () => {
  const kit = emulatorClient();
  assert.equal(await kit.client.schema("car"), undefined);
  const definition = {
    name: "car",
    labels: { singular: "Car", plural: "Cars" },
    primaryDisplayProperty: "vin",
    requiredProperties: ["vin"],
    properties: [
      { name: "vin", label: "VIN", type: "string", fieldType: "text", hasUniqueValue: true },
      { name: "model", label: "Model", type: "string", fieldType: "text" },
    ],
    associatedObjects: ["CONTACT"],
  } as const;
  const created = await kit.client.createSchema(definition);
  assert.equal(created.status, "created");
  assert.match(created.value.objectTypeId, /^2-\d+$/);
  assert.equal((await kit.client.createSchema(definition)).status, "existing");
  const read = await kit.client.schema(created.value.objectTypeId);
  assert.equal(read?.name, "car");
  assert.ok(read?.properties.find((p) => p.name === "vin")?.hasUniqueValue);

  // Its unique property is an upsert key at once.
  const upserted = await kit.client.batchUpsert(created.value.objectTypeId, "vin", [{ key: "a", id: "VIN-1", properties: { model: "Roadster" } }]);
  assert.deepEqual(upserted.map((o) => o.status), ["created"]);
});
