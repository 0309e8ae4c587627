import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/associations/v4/index.js";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts/index.js";
import { runningEmulator, type RunningEmulator } from "./running-emulator.ts";

describe("conformance: associations v4 through crm.associations.v4", () => {
  let hub: RunningEmulator;
  let contactId: string;
  let companyId: string;
  before(async () => {
    hub = await runningEmulator();
    contactId = (await hub.client.crm.contacts.basicApi.create({ properties: { email: "assoc@example.com" }, associations: [] })).id;
    companyId = (await hub.client.crm.companies.basicApi.create({ properties: { name: "Assoc Inc" }, associations: [] })).id;
  });
  after(() => hub.close());

  test("createDefault writes HubSpot's unlabelled type in both directions (279 / 280)", async () => {
    const answer = await hub.client.crm.associations.v4.basicApi.createDefault("contacts", contactId, "companies", companyId);
    assert.equal(answer.status, "COMPLETE");
    assert.ok(answer.results.some((r) => r._from.id === contactId && r.to.id === companyId && r.associationSpec.associationTypeId === 279));
    const forward = await hub.client.crm.associations.v4.basicApi.getPage("contacts", contactId, "companies");
    // HubSpot sends v4 `toObjectId` as a JSON number although the SDK types it as a string.
    assert.equal(typeof forward.results[0]?.toObjectId, "number");
    assert.deepEqual(forward.results.map((r) => String(r.toObjectId)), [companyId]);
    assert.deepEqual(forward.results[0]!.associationTypes.map((t) => [t.category, t.typeId, t.label ?? null]), [["HUBSPOT_DEFINED", 279, null]]);
    const backward = await hub.client.crm.associations.v4.basicApi.getPage("companies", companyId, "contacts");
    assert.deepEqual(backward.results[0]!.associationTypes.map((t) => t.typeId), [280]);
  });

  test("a user-defined label: create it, associate with it, read it back next to the default type", async () => {
    const defs = hub.client.crm.associations.v4.schema.definitionsApi;
    const created = await defs.create("contacts", "companies", { label: "Billing contact", name: "billing_contact" });
    const label = created.results.find((r) => r.label === "Billing contact");
    assert.ok(label, "the answer lists the new label");
    assert.equal(label.category, "USER_DEFINED");
    const listed = await defs.getAll("contacts", "companies");
    assert.ok(listed.results.some((r) => r.typeId === label.typeId && r.label === "Billing contact"));
    assert.ok(listed.results.some((r) => r.typeId === 279 && r.category === "HUBSPOT_DEFINED"));

    const pair = await hub.client.crm.associations.v4.basicApi.create("contacts", contactId, "companies", companyId, [
      { associationCategory: AssociationSpecAssociationCategoryEnum.UserDefined, associationTypeId: label.typeId },
    ]);
    assert.equal(String(pair.fromObjectId), contactId);
    assert.equal(String(pair.toObjectId), companyId);
    assert.ok(pair.labels.includes("Billing contact"));

    const read = await hub.client.crm.associations.v4.basicApi.getPage("contacts", contactId, "companies");
    const types = read.results[0]!.associationTypes.map((t) => `${t.category}:${t.typeId}:${t.label ?? ""}`).sort();
    assert.deepEqual(types, ["HUBSPOT_DEFINED:279:", `USER_DEFINED:${label.typeId}:Billing contact`]);

    const batch = await hub.client.crm.associations.v4.batchApi.getPage("contacts", "companies", { inputs: [{ id: contactId }] });
    assert.equal(batch.results[0]?._from.id, contactId);
    assert.equal(String(batch.results[0]?.to[0]?.toObjectId), companyId);
    assert.equal(batch.results[0]?.to[0]?.associationTypes.length, 2);
  });

  test("v3 reads with associations=companies list one entry per type on the pair, the unlabelled one included", async () => {
    const contact = await hub.client.crm.contacts.basicApi.getById(contactId, undefined, undefined, ["companies"]);
    const results = contact.associations?.["companies"]?.results ?? [];
    assert.ok(results.every((r) => r.id === companyId));
    assert.equal(results.length, 2, JSON.stringify(results));
    assert.ok(results.some((r) => r.type === "contact_to_company_unlabeled"), JSON.stringify(results));
  });

  test("search's associations.company pseudo-property finds the associated contact", async () => {
    const answer = await hub.client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: "associations.company", operator: FilterOperatorEnum.Eq, value: companyId }] }],
    });
    assert.deepEqual(answer.results.map((r) => r.id), [contactId]);
  });

  test("batch create with labels, batch read with a missing id (207), archive removes the pair", async () => {
    const other = (await hub.client.crm.companies.basicApi.create({ properties: { name: "Other Co" }, associations: [] })).id;
    const created = await hub.client.crm.associations.v4.batchApi.create("contacts", "companies", {
      inputs: [{ _from: { id: contactId }, to: { id: other }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 1 }] }],
    });
    // One result per direction written.
    assert.ok(created.results.some((r) => String(r.fromObjectId) === contactId && String(r.toObjectId) === other));
    const primary = await hub.client.crm.associations.v4.basicApi.getPage("contacts", contactId, "companies");
    assert.deepEqual(primary.results.map((r) => String(r.toObjectId)).sort(), [companyId, other].sort());
    const primaryTypes = primary.results.find((r) => String(r.toObjectId) === other)?.associationTypes.map((t) => t.typeId).sort((a, b) => a - b);
    assert.deepEqual(primaryTypes, [1, 279], "the primary label comes with the default type");

    const read = await hub.client.crm.associations.v4.batchApi.getPageWithHttpInfo("contacts", "companies", { inputs: [{ id: contactId }, { id: "987654321" }] });
    assert.equal(read.httpStatusCode, 207);
    assert.equal(read.data.results.length, 1);

    await hub.client.crm.associations.v4.basicApi.archive("contacts", contactId, "companies", other);
    const left = await hub.client.crm.associations.v4.basicApi.getPage("contacts", contactId, "companies");
    assert.deepEqual(left.results.map((r) => String(r.toObjectId)), [companyId]);
    const reverse = await hub.client.crm.associations.v4.basicApi.getPage("companies", other, "contacts");
    assert.deepEqual(reverse.results, []);
  });
});
