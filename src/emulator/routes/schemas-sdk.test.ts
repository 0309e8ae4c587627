import assert from "node:assert/strict";
import { test } from "node:test";
import { suiteEmulator } from "../../../test/conformance/running-emulator.ts";

// The official SDK as a conformance client: it must parse every answer as it parses HubSpot's.
const hub = suiteEmulator();

test("the SDK creates, reads, updates and deletes a custom-object schema", async () => {
  const created = await hub.client.crm.schemas.coreApi.create({
    name: "pet",
    labels: { singular: "Pet", plural: "Pets" },
    primaryDisplayProperty: "pet_name",
    requiredProperties: ["pet_name"],
    properties: [
      { name: "pet_name", label: "Name", type: "string", fieldType: "text" } as never,
      { name: "chip_id", label: "Chip", type: "string", fieldType: "text", hasUniqueValue: true } as never,
    ],
    associatedObjects: ["CONTACT"],
  });
  assert.equal(created.objectTypeId, "2-1000001");
  assert.ok(created.createdAt instanceof Date);
  assert.equal(created.associations[0]?.toObjectTypeId, "0-1");

  const read = await hub.client.crm.schemas.coreApi.getById("p_pet");
  assert.equal(read.name, "pet");
  assert.ok(read.properties.some((p) => p.name === "chip_id" && p.hasUniqueValue === true));
  const all = await hub.client.crm.schemas.coreApi.getAll();
  assert.deepEqual(all.results.map((s) => s.name), ["pet"]);

  const patched = await hub.client.crm.schemas.coreApi.update("pet", { labels: { singular: "Pet", plural: "Animals" } });
  assert.equal(patched.labels.plural, "Animals");

  const association = await hub.client.crm.schemas.coreApi.createAssociation("pet", { fromObjectTypeId: "2-1000001", toObjectTypeId: "0-2", name: "pet_to_company" });
  assert.equal(association.toObjectTypeId, "0-2");
  await hub.client.crm.schemas.coreApi.archiveAssociation("pet", association.id);

  await hub.client.crm.schemas.coreApi.archive("pet");
  await assert.rejects(hub.client.crm.schemas.coreApi.getById("pet"), (error: { code?: number }) => error.code === 404);
  await hub.client.crm.schemas.coreApi.archive("pet", true);
});

test("the SDK manages properties and groups", async () => {
  const group = await hub.client.crm.properties.groupsApi.create("contacts", { name: "sdk_group", label: "SDK", displayOrder: 1 });
  assert.equal(group.name, "sdk_group");
  const created = await hub.client.crm.properties.coreApi.create("contacts", {
    name: "sdk_tier",
    label: "Tier",
    type: "enumeration" as never,
    fieldType: "select" as never,
    groupName: "sdk_group",
    options: [{ label: "Gold", value: "gold", hidden: false }],
  });
  assert.equal(created.options[0]?.value, "gold");
  assert.ok(created.createdAt instanceof Date);
  const updated = await hub.client.crm.properties.coreApi.update("contacts", "sdk_tier", { label: "Level" });
  assert.equal(updated.label, "Level");
  const all = await hub.client.crm.properties.coreApi.getAll("contacts");
  assert.ok(all.results.some((p) => p.name === "sdk_tier"));
  const batch = await hub.client.crm.properties.batchApi.read("contacts", { archived: false, inputs: [{ name: "email" }, { name: "sdk_tier" }] });
  assert.deepEqual(batch.results.map((p) => p.name).sort(), ["email", "sdk_tier"]);
  await hub.client.crm.properties.coreApi.archive("contacts", "sdk_tier");
  await hub.client.crm.properties.groupsApi.archive("contacts", "sdk_group");
  const groups = await hub.client.crm.properties.groupsApi.getAll("contacts");
  assert.equal(groups.results.some((g) => g.name === "sdk_group"), false);
  await assert.rejects(hub.client.crm.properties.coreApi.getByName("contacts", "sdk_tier"), (error: { code?: number }) => error.code === 404);
});
