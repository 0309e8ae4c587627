import assert from "node:assert/strict";
import { test } from "node:test";
import { drain, emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

test("batchRead: 100 ids a call, ids HubSpot has no record for reported as missing, idProperty honoured", async () => {
  const kit = emulatorClient();
  const ids = await createRecords(kit, "contacts", 230, (i) => ({ email: `b${i}@example.com`, firstname: `F${i}` }));
  kit.emulator.control.stats.reset();
  const pages = [];
  for await (const page of kit.client.batchRead("contacts", [...ids, "999999999"], { properties: ["firstname"] })) pages.push(page);
  assert.equal(pages.length, 3);
  assert.deepEqual(pages.flatMap((p) => p.results.map((r) => r.id)).sort(), [...ids].sort());
  assert.deepEqual(pages.flatMap((p) => p.missing), ["999999999"]);
  assert.equal(kit.emulator.control.stats.snapshot().byRoute["POST /crm/v3/objects/:type/batch/read"]?.total, 3);
  const byEmail = await drain(kit.client.batchRead("contacts", ["b7@example.com"], { idProperty: "email", properties: ["firstname"] }));
  assert.deepEqual(byEmail.items.map((r) => [r.id, r.properties["firstname"]]), [[ids[7], "F7"]]);
});

test("properties and schemas: custom properties and custom object schemas as HubSpot defines them", async () => {
  const kit = emulatorClient();
  assert.equal((await kit.api("POST", "/crm/v3/properties/deals", { name: "renewal_date", label: "Renewal", type: "date", fieldType: "date", groupName: "dealinformation" })).status, 201);
  const properties = await kit.client.properties("deals");
  const renewal = properties.find((p) => p.name === "renewal_date");
  assert.equal(renewal?.type, "date");
  assert.equal(renewal?.hubspotDefined, false);
  assert.ok(properties.some((p) => p.name === "hs_lastmodifieddate" && p.hubspotDefined));
  const created = await kit.api("POST", "/crm/v3/schemas", {
    name: "car",
    labels: { singular: "Car", plural: "Cars" },
    primaryDisplayProperty: "model",
    requiredProperties: ["model"],
    properties: [{ name: "model", label: "Model", type: "string" }],
    associatedObjects: ["CONTACT"],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const schemas = await kit.client.schemas();
  assert.deepEqual(schemas.map((s) => [s.name, s.objectTypeId.startsWith("2-"), s.properties.some((p) => p.name === "model")]), [["car", true, true]]);
});

test("owners, pipelines, lists and list memberships page to the end", async () => {
  const kit = emulatorClient({}, { limits: { ownersPageSize: 3, listsPageSize: 3, membershipsPageSize: 5 } });
  kit.emulator.control.seed({ counts: { owners: 10, companies: 0, contacts: 0, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
  const owners = await drain(kit.client.owners());
  const expectedOwners = kit.emulator.parts.state.defaultPortal.owners.list(false).length;
  assert.ok(expectedOwners >= 10);
  assert.equal(owners.items.length, expectedOwners);
  assert.equal(new Set(owners.items.map((o) => o.id)).size, expectedOwners);
  assert.equal(owners.pages, Math.ceil(expectedOwners / 3));

  const pipelines = await kit.client.pipelines("deals");
  const stages = pipelines.find((p) => p.id === "default")?.stages ?? [];
  assert.equal(stages.find((s) => s.id === "closedwon")?.metadata["isClosed"], "true");

  const contacts = await createRecords(kit, "contacts", 12, (i) => ({ email: `m${i}@example.com` }));
  const listIds: string[] = [];
  for (let i = 0; i < 7; i++) {
    const made = await kit.api<{ list: { listId: string } }>("POST", "/crm/v3/lists/", { name: `List ${i}`, objectTypeId: "0-1", processingType: "MANUAL" });
    listIds.push(made.body.list.listId);
  }
  const lists = await drain(kit.client.lists());
  assert.deepEqual(lists.items.map((l) => l.listId).sort(), [...listIds].sort());
  assert.equal(lists.pages, 3);
  assert.equal((await kit.api("PUT", `/crm/v3/lists/${listIds[0]}/memberships/add`, contacts)).status, 200);
  const members = await drain(kit.client.listMemberships(listIds[0]!));
  assert.deepEqual(members.items.map((m) => m.recordId).sort(), [...contacts].sort());
  assert.equal(members.pages, 3);
});
