import assert from "node:assert/strict";
import { test } from "node:test";
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/associations/v4/index.js";
import { suiteEmulator } from "../../../test/conformance/running-emulator.ts";

// The official SDK as a conformance client: every v4 association answer must parse as HubSpot's does.
const hub = suiteEmulator();

function create(typeName: string): string {
  const portal = hub.emulator.parts.state.defaultPortal;
  return portal.store(portal.resolveType(typeName)).create({}, { sourceType: "INTEGRATION" }, Date.now()).id;
}

test("the SDK writes, reads and removes associations", async () => {
  const [contact, company, other] = [create("contacts"), create("companies"), create("companies")];
  const v4 = hub.client.crm.associations.v4;

  const made = await v4.basicApi.createDefault("contacts", contact, "companies", company);
  assert.equal(made.status, "COMPLETE");
  assert.equal(made.results.length, 2);
  assert.ok(made.completedAt instanceof Date);

  const labelled = await v4.basicApi.create("contacts", contact, "companies", other, [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 1 }]);
  assert.deepEqual(labelled.labels, ["Primary"]);

  const page = await v4.basicApi.getPage("contacts", contact, "companies", undefined, 500);
  assert.deepEqual(page.results.map((r) => r.associationTypes.map((t) => t.typeId)), [[279], [279, 1]]);

  const batch = await v4.batchApi.getPage("companies", "contacts", { inputs: [{ id: company }, { id: other }] });
  assert.equal(batch.results.length, 2);
  assert.equal(batch.results[1]?.to[0]?.associationTypes[1]?.label, "Primary");

  const created = await v4.batchApi.create("companies", "contacts", {
    inputs: [{ _from: { id: other }, to: { id: create("contacts") }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 280 }] }],
  });
  assert.equal(created.results.length, 2);
  const defaults = await v4.batchApi.createDefault("deals", "contacts", { inputs: [{ _from: { id: create("deals") }, to: { id: contact } }] });
  assert.equal(defaults.results[0]?.associationSpec.associationTypeId, 3);

  await v4.batchApi.archiveLabels("contacts", "companies", { inputs: [{ _from: { id: contact }, to: { id: other }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 1 }] }] });
  await v4.basicApi.archive("contacts", contact, "companies", company);
  const left = await v4.basicApi.getPage("contacts", contact, "companies");
  assert.deepEqual(left.results.map((r) => [r.toObjectId, r.associationTypes.map((t) => t.typeId)]), [[Number(other), [279]]]);
  await v4.batchApi.archive("contacts", "companies", { inputs: [{ _from: { id: contact }, to: [{ id: other }] }] });
  assert.deepEqual((await v4.basicApi.getPage("contacts", contact, "companies")).results, []);
});

test("the SDK manages association labels", async () => {
  const definitions = hub.client.crm.associations.v4.schema.definitionsApi;
  const created = await definitions.create("deals", "companies", { label: "Reseller", name: "reseller", inverseLabel: "Resold deal" });
  const [forward, inverse] = created.results;
  assert.ok(forward && inverse);
  await definitions.update("deals", "companies", { associationTypeId: forward.typeId, label: "Partner" });
  const listed = await definitions.getAll("deals", "companies");
  assert.deepEqual(listed.results.map((r) => [r.typeId, r.label]), [[341, null], [5, "Primary"], [forward.typeId, "Partner"]]);
  const reverse = await definitions.getAll("companies", "deals");
  assert.ok(reverse.results.some((r) => r.typeId === inverse.typeId && r.label === "Resold deal"));
  await definitions.remove("deals", "companies", forward.typeId);
  assert.equal((await definitions.getAll("deals", "companies")).results.length, 2);
});
