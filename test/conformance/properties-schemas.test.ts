import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/objects/index.js";
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from "@hubspot/api-client/lib/codegen/crm/properties/index.js";
import { createMachineSchema } from "./machine-schema.ts";
import { sdkError, suiteEmulator } from "./running-emulator.ts";

describe("conformance: properties through crm.properties.coreApi", () => {
  const hub = suiteEmulator();

  test("create, getByName, update, archive an enumeration property; values are validated against its options", async () => {
    const properties = hub.client.crm.properties.coreApi;
    const created = await properties.create("contacts", {
      name: "favourite_colour",
      label: "Favourite colour",
      type: PropertyCreateTypeEnum.Enumeration,
      fieldType: PropertyCreateFieldTypeEnum.Select,
      groupName: "contactinformation",
      options: [
        { label: "Red", value: "red", displayOrder: 1, hidden: false },
        { label: "Blue", value: "blue", displayOrder: 2, hidden: false },
      ],
    });
    assert.equal(created.name, "favourite_colour");
    assert.equal(created.type, "enumeration");
    assert.equal(created.hubspotDefined ?? false, false);

    const read = await properties.getByName("contacts", "favourite_colour");
    assert.deepEqual(read.options.map((o) => o.value), ["red", "blue"]);
    const all = await properties.getAll("contacts");
    assert.ok(all.results.some((p) => p.name === "favourite_colour"));
    assert.ok(all.results.some((p) => p.name === "email" && p.hubspotDefined === true));

    const contact = await hub.client.crm.contacts.basicApi.create({ properties: { email: "colour@example.com", favourite_colour: "red" }, associations: [] });
    assert.equal(contact.properties["favourite_colour"], "red");
    const refused = await sdkError(() => hub.client.crm.contacts.basicApi.update(contact.id, { properties: { favourite_colour: "green" } }));
    assert.equal(refused.code, 400);
    assert.equal(refused.body.category, "VALIDATION_ERROR");
    assert.match(String(refused.body.message), /favourite_colour/);

    const updated = await properties.update("contacts", "favourite_colour", {
      label: "Colour",
      options: [
        { label: "Red", value: "red", displayOrder: 1, hidden: false },
        { label: "Blue", value: "blue", displayOrder: 2, hidden: false },
        { label: "Green", value: "green", displayOrder: 3, hidden: false },
      ],
    });
    assert.equal(updated.label, "Colour");
    assert.equal((await hub.client.crm.contacts.basicApi.update(contact.id, { properties: { favourite_colour: "green" } })).properties["favourite_colour"], "green");

    await properties.archive("contacts", "favourite_colour");
    const gone = await sdkError(() => properties.getByName("contacts", "favourite_colour"));
    assert.equal(gone.code, 404);
    const archived = await properties.getByName("contacts", "favourite_colour", true);
    assert.equal(archived.archived, true);
  });

  test("a number property refuses a value that is not a number, naming the property", async () => {
    await hub.client.crm.properties.coreApi.create("deals", {
      name: "seats",
      label: "Seats",
      type: PropertyCreateTypeEnum.Number,
      fieldType: PropertyCreateFieldTypeEnum.Number,
      groupName: "dealinformation",
    });
    const error = await sdkError(() => hub.client.crm.deals.basicApi.create({ properties: { dealname: "Seats deal", seats: "many" }, associations: [] }));
    assert.equal(error.code, 400);
    assert.equal(error.body.category, "VALIDATION_ERROR");
    assert.match(JSON.stringify(error.body), /seats/);
    const ok = await hub.client.crm.deals.basicApi.create({ properties: { dealname: "Seats deal", seats: "12" }, associations: [] });
    assert.equal(ok.properties["seats"], "12");
  });

  test("creating a property that exists is a 409 CONFLICT", async () => {
    const error = await sdkError(() =>
      hub.client.crm.properties.coreApi.create("contacts", { name: "email", label: "Email", type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text, groupName: "contactinformation" }),
    );
    assert.equal(error.code, 409);
    assert.equal(error.body.category, "CONFLICT");
  });
});

describe("conformance: custom object schemas through crm.schemas.coreApi", () => {
  const hub = suiteEmulator();

  test("create a schema, read it back, create and search records of it", async () => {
    const schema = await createMachineSchema(hub.client);
    const portalId = hub.emulator.info().portalId;
    assert.match(schema.objectTypeId ?? "", /^2-\d+$/);
    assert.equal(schema.fullyQualifiedName, `p${portalId}_machine`);
    assert.deepEqual(schema.requiredProperties, ["serial"]);
    assert.ok(schema.properties.some((p) => p.name === "serial" && p.hasUniqueValue === true));

    const byId = await hub.client.crm.schemas.coreApi.getById(schema.objectTypeId!);
    assert.equal(byId.name, "machine");
    assert.equal(byId.labels.plural, "Machines");
    const byName = await hub.client.crm.schemas.coreApi.getById(schema.fullyQualifiedName!);
    assert.equal(byName.objectTypeId, schema.objectTypeId);
    const all = await hub.client.crm.schemas.coreApi.getAll();
    assert.deepEqual(all.results.map((s) => s.objectTypeId), [schema.objectTypeId]);

    // Its properties are served by the properties API too.
    const weight = await hub.client.crm.properties.coreApi.getByName(schema.objectTypeId!, "weight");
    assert.equal(weight.type, "number");

    const objects = hub.client.crm.objects;
    const created = await objects.batchApi.create(schema.objectTypeId!, {
      inputs: [
        { properties: { serial: "S-1", weight: "10" }, associations: [] },
        { properties: { serial: "S-2", weight: "20" }, associations: [] },
      ],
    });
    assert.equal(created.results.length, 2);
    const found = await objects.searchApi.doSearch(schema.objectTypeId!, {
      filterGroups: [{ filters: [{ propertyName: "weight", operator: FilterOperatorEnum.Gt, value: "15" }] }],
      properties: ["serial"],
    });
    assert.deepEqual(found.results.map((r) => r.properties["serial"]), ["S-2"]);
    // The unique property holds: a second S-1 is a conflict.
    const dup = await sdkError(() => objects.basicApi.create(schema.objectTypeId!, { properties: { serial: "S-1" }, associations: [] }));
    assert.equal(dup.code, 409);

    // Records of the new type associate with contacts (associatedObjects: ["CONTACT"]).
    const contact = await hub.client.crm.contacts.basicApi.create({ properties: { email: "owner@machines.example" }, associations: [] });
    await hub.client.crm.associations.v4.basicApi.createDefault(schema.objectTypeId!, created.results[0]!.id, "contacts", contact.id);
    const linked = await hub.client.crm.associations.v4.basicApi.getPage("contacts", contact.id, schema.objectTypeId!);
    assert.deepEqual(linked.results.map((r) => String(r.toObjectId)), [created.results[0]!.id]);
  });

  test("an unknown schema is a 404", async () => {
    const error = await sdkError(() => hub.client.crm.schemas.coreApi.getById("2-999999"));
    assert.equal(error.code, 404);
  });
});
