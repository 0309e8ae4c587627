import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi, type EmulatorApi } from "../../../test/support/emulator-api.ts";

const paths = ["/crm/v3/schemas", "/crm-object-schemas/v3/schemas"];

function carSchema(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "car",
    labels: { singular: "Car", plural: "Cars" },
    primaryDisplayProperty: "model",
    secondaryDisplayProperties: ["year"],
    requiredProperties: ["model"],
    searchableProperties: ["model", "vin"],
    properties: [
      { name: "model", label: "Model", type: "string", fieldType: "text" },
      { name: "vin", label: "VIN", type: "string", hasUniqueValue: true },
      { name: "year", label: "Year", type: "number" },
      { name: "colour", label: "Colour", type: "enumeration", fieldType: "select", options: [{ label: "Red", value: "red" }] },
    ],
    associatedObjects: ["CONTACT", "0-3"],
    ...overrides,
  };
}

function tokenWith(api: EmulatorApi, scopes: string[]): string {
  const { state } = api.emulator.parts;
  return state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, scopes).token;
}

test("creating a schema answers 201 with the full ObjectSchema, at both paths", async () => {
  const api = emulatorApi();
  const portalId = api.emulator.info().portalId;
  const created = await api.call("POST", "/crm/v3/schemas", carSchema());
  assert.equal(created.status, 201);
  const schema = created.body;
  assert.equal(schema.id, "1000001");
  assert.equal(schema.objectTypeId, "2-1000001");
  assert.equal(schema.fullyQualifiedName, `p${portalId}_car`);
  assert.equal(schema.name, "car");
  assert.deepEqual(schema.labels, { singular: "Car", plural: "Cars" });
  assert.equal(schema.primaryDisplayProperty, "model");
  assert.deepEqual(schema.secondaryDisplayProperties, ["year"]);
  assert.deepEqual(schema.requiredProperties, ["model"]);
  assert.deepEqual(schema.searchableProperties, ["model", "vin"]);
  assert.equal(schema.metaType, "PORTAL_SPECIFIC");
  assert.equal(schema.archived, false);
  assert.ok(!Number.isNaN(Date.parse(schema.createdAt)) && !Number.isNaN(Date.parse(schema.updatedAt)));
  const names = schema.properties.map((p: { name: string }) => p.name);
  for (const name of ["model", "vin", "year", "colour", "hs_object_id", "createdate", "hs_lastmodifieddate"]) assert.ok(names.includes(name), name);
  const vin = schema.properties.find((p: { name: string }) => p.name === "vin");
  assert.equal(vin.hasUniqueValue, true);
  assert.equal(vin.fieldType, "text", "fieldType defaults from the type inside a schema");
  assert.deepEqual(schema.associations.map((a: { toObjectTypeId: string }) => a.toObjectTypeId), ["0-1", "0-3"]);

  const second = await api.call("POST", "/crm-object-schemas/v3/schemas", carSchema({ name: "boat", associatedObjects: [] }));
  assert.equal(second.status, 201);
  assert.equal(second.body.objectTypeId, "2-1000002");
  for (const path of paths) {
    const list = await api.call("GET", path);
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.results.map((s: { name: string }) => s.name), ["car", "boat"]);
  }
});

test("a schema reads back by object type id, name, p_name and p<portal>_name at both paths", async () => {
  const api = emulatorApi();
  const portalId = api.emulator.info().portalId;
  await api.call("POST", "/crm/v3/schemas", carSchema());
  for (const path of paths) {
    for (const name of ["2-1000001", "car", "p_car", `p${portalId}_car`]) {
      const answer = await api.call("GET", `${path}/${name}`);
      assert.equal(answer.status, 200, `${path}/${name}`);
      assert.equal(answer.body.objectTypeId, "2-1000001");
    }
  }
  const missing = await api.call("GET", "/crm/v3/schemas/p_plane");
  assert.equal(missing.status, 404);
  assert.equal(missing.body.category, "OBJECT_NOT_FOUND");
  const batch = await api.call("POST", "/crm-object-schemas/v3/schemas/batch/read", { inputs: ["p_car", "plane"], includePropertyDefinitions: true, includeAssociationDefinitions: true, includeAuditMetadata: false });
  assert.deepEqual(batch.body.results.map((s: { name: string }) => s.name), ["car"]);
});

test("schema validation errors name the field; a taken name is a 409", async () => {
  const { call } = emulatorApi();
  const cases: Array<[Record<string, unknown>, string]> = [
    [carSchema({ requiredProperties: ["engine"] }), "requiredProperties"],
    [carSchema({ searchableProperties: ["engine"] }), "searchableProperties"],
    [carSchema({ secondaryDisplayProperties: ["engine"] }), "secondaryDisplayProperties"],
    [carSchema({ primaryDisplayProperty: "engine" }), "primaryDisplayProperty"],
    [carSchema({ associatedObjects: ["SPACESHIP"] }), "associatedObjects"],
    [carSchema({ name: "my car" }), "name"],
    [carSchema({ labels: { singular: "Car" } }), "labels.plural"],
    [carSchema({ properties: [{ name: "model", label: "Model", type: "text" }] }), "properties[0].type"],
    [carSchema({ properties: [{ name: "model", label: "Model", type: "number", fieldType: "text" }] }), "properties[0].fieldType"],
    [carSchema({ properties: [{ name: "model", label: "M", type: "string" }, { name: "model", label: "M", type: "string" }] }), "properties[1].name"],
    [carSchema({ properties: [{ name: "model", label: "M", type: "string" }, { name: "createdate", label: "C", type: "string" }] }), "properties[1].name"],
    [carSchema({ properties: [{ name: "model", label: "M", type: "enumeration" }] }), "properties[0].options"],
    [carSchema({ properties: [{ name: "model", label: "M", type: "string", groupName: "nowhere" }] }), "properties[0].groupName"],
  ];
  for (const [body, field] of cases) {
    const answer = await call("POST", "/crm/v3/schemas", body);
    assert.equal(answer.status, 400, field);
    assert.equal(answer.body.category, "VALIDATION_ERROR");
    assert.equal(answer.body.errors[0].in, field, JSON.stringify(answer.body));
  }
  const { labels: _labels, ...noLabels } = carSchema();
  const missing = await call("POST", "/crm/v3/schemas", noLabels);
  assert.equal(missing.status, 400);
  assert.match(missing.body.message, /labels/);
  assert.equal((await call("GET", "/crm/v3/schemas")).body.results.length, 0, "no failed create left a schema behind");

  assert.equal((await call("POST", "/crm/v3/schemas", carSchema())).status, 201);
  const duplicate = await call("POST", "/crm/v3/schemas", carSchema());
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.category, "CONFLICT");
  assert.equal((await call("POST", "/crm/v3/schemas", carSchema({ name: "contacts" }))).status, 409);
  const uniques = Array.from({ length: 11 }, (_, i) => ({ name: `key_${i}`, label: `Key ${i}`, type: "string", hasUniqueValue: true }));
  const tooManyUnique = await call("POST", "/crm/v3/schemas", carSchema({ name: "plane", requiredProperties: [], primaryDisplayProperty: "key_0", secondaryDisplayProperties: [], searchableProperties: [], properties: uniques }));
  assert.equal(tooManyUnique.status, 400);
  assert.equal(tooManyUnique.body.errors[0].in, "properties");
});

test("custom records are created through the objects API and the unique property is enforced by the store", async () => {
  const api = emulatorApi();
  await api.call("POST", "/crm/v3/schemas", carSchema());
  const portal = api.emulator.parts.state.defaultPortal;
  const car = portal.resolveType("p_car");
  assert.deepEqual(portal.schemas.requiredProperties(car), ["model"]);
  assert.deepEqual(portal.schemas.requiredProperties(portal.resolveType("contacts")), []);
  assert.ok(portal.store(car).uniqueProperties.includes("vin"));

  const withoutRequired = await api.call("POST", "/crm/v3/objects/p_car", { properties: { vin: "VIN-0" } });
  assert.equal(withoutRequired.status, 400, "the schema's requiredProperties are enforced on create");
  assert.match(JSON.stringify(withoutRequired.body), /model/);
  const created = await api.call("POST", "/crm/v3/objects/p_car", { properties: { model: "Mini", vin: "VIN-1" } });
  assert.equal(created.status, 201);
  assert.equal(portal.store(car).findUnique("vin", "vin-1")?.id, created.body.id);
  const duplicate = await api.call("POST", "/crm/v3/objects/p_car", { properties: { model: "Other", vin: "vin-1" } });
  assert.equal(duplicate.status, 409, "the unique index the schema registered rejects a second VIN-1");
  const byTypeId = await api.call("GET", `/crm/v3/objects/2-1000001/${created.body.id}?properties=model`);
  assert.equal(byTypeId.status, 200);
  assert.equal(byTypeId.body.properties.model, "Mini");
});

test("associatedObjects become association types, and association definitions can be added and removed", async () => {
  const api = emulatorApi();
  const created = (await api.call("POST", "/crm-object-schemas/v3/schemas", carSchema())).body;
  const portal = api.emulator.parts.state.defaultPortal;
  const car = portal.resolveType("car");
  const contacts = portal.resolveType("contacts");
  const toContact = created.associations.find((a: { toObjectTypeId: string }) => a.toObjectTypeId === "0-1");
  assert.equal(toContact.fromObjectTypeId, "2-1000001");
  assert.equal(toContact.name, "car_to_contact");
  assert.equal(toContact.id, String(portal.associations.defaultTypeId(car, contacts)));
  assert.notEqual(portal.associations.defaultTypeId(contacts, car), portal.associations.defaultTypeId(car, contacts));
  const at = portal.state.clock.now();
  const record = portal.store(car).create({ model: "Mini" }, { sourceType: "API" }, at);
  const person = portal.store(contacts).create({ email: "a@example.com" }, { sourceType: "API" }, at);
  portal.associations.associate(car, record.id, contacts, person.id, [{ associationCategory: "USER_DEFINED", associationTypeId: Number(toContact.id) }], { sourceType: "API" }, at);
  assert.deepEqual(portal.associations.targets(car, record.id, contacts).map((t) => t.toObjectId), [person.id]);

  const path = "/crm/v3/schemas/p_car/associations";
  const added = await api.call("POST", path, { fromObjectTypeId: "2-1000001", toObjectTypeId: "0-2", name: "car_to_company" });
  assert.equal(added.status, 201);
  assert.equal(added.body.toObjectTypeId, "0-2");
  assert.equal(added.body.id, String(portal.associations.defaultTypeId(car, portal.resolveType("companies"))));
  assert.equal((await api.call("POST", path, { fromObjectTypeId: "2-1000001", toObjectTypeId: "0-2" })).status, 409);
  assert.equal((await api.call("POST", path, { fromObjectTypeId: "0-1", toObjectTypeId: "0-2" })).status, 400);
  assert.equal((await api.call("POST", path, { toObjectTypeId: "0-2" })).status, 400);
  assert.equal((await api.call("DELETE", `${path}/${added.body.id}`)).status, 204);
  const after = await api.call("GET", "/crm/v3/schemas/car");
  assert.equal(after.body.associations.some((a: { id: string }) => a.id === added.body.id), false);
  assert.equal((await api.call("DELETE", `${path}/${added.body.id}`)).status, 404);
});

test("PATCH updates the definition and answers the ObjectTypeDefinition", async () => {
  const api = emulatorApi();
  await api.call("POST", "/crm/v3/schemas", carSchema());
  const patched = await api.call("PATCH", "/crm-object-schemas/v3/schemas/p_car", {
    labels: { plural: "Automobiles" },
    requiredProperties: ["model", "year"],
    primaryDisplayProperty: "vin",
    description: "Fleet",
  });
  assert.equal(patched.status, 200);
  assert.deepEqual(patched.body.labels, { singular: "Car", plural: "Automobiles" });
  assert.deepEqual(patched.body.requiredProperties, ["model", "year"]);
  assert.equal(patched.body.primaryDisplayProperty, "vin");
  assert.equal(patched.body.description, "Fleet");
  assert.equal(patched.body.portalId, api.emulator.info().portalId);
  assert.equal(patched.body.properties, undefined);
  const portal = api.emulator.parts.state.defaultPortal;
  const car = portal.resolveType("car");
  assert.deepEqual(portal.schemas.requiredProperties(car), ["model", "year"]);
  assert.ok(car.defaultReadProperties.includes("vin") && !car.defaultReadProperties.includes("model"));
  const bad = await api.call("PATCH", "/crm/v3/schemas/car", { requiredProperties: ["engine"] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].in, "requiredProperties");
  const archivedRequired = await api.call("DELETE", "/crm/v3/properties/p_car/year");
  assert.equal(archivedRequired.status, 400, "a required property cannot be archived");
});

test("DELETE is refused while records exist, archives the schema, and archived=true purges it", async () => {
  const api = emulatorApi();
  await api.call("POST", "/crm/v3/schemas", carSchema());
  const record = await api.call("POST", "/crm/v3/objects/p_car", { properties: { model: "Mini" } });
  const refused = await api.call("DELETE", "/crm/v3/schemas/car");
  assert.equal(refused.status, 400);
  assert.match(refused.body.message, /1 records/);
  assert.equal((await api.call("GET", "/crm/v3/schemas/car")).status, 200);

  assert.equal((await api.call("DELETE", `/crm/v3/objects/p_car/${record.body.id}`)).status, 204);
  assert.equal((await api.call("DELETE", "/crm-object-schemas/v3/schemas/p_car")).status, 204);
  assert.equal((await api.call("GET", "/crm/v3/schemas/car")).status, 404);
  assert.equal((await api.call("GET", "/crm/v3/objects/p_car")).status, 400, "the type no longer resolves");
  const archived = await api.call("GET", "/crm/v3/schemas?archived=true");
  assert.deepEqual(archived.body.results.map((s: { name: string; archived: boolean }) => [s.name, s.archived]), [["car", true]]);
  assert.equal((await api.call("POST", "/crm/v3/schemas", carSchema())).status, 409, "an archived schema keeps its name");

  assert.equal((await api.call("DELETE", "/crm/v3/schemas/car?archived=true")).status, 204);
  assert.equal((await api.call("GET", "/crm/v3/schemas?archived=true")).body.results.length, 0);
  const again = await api.call("POST", "/crm/v3/schemas", carSchema());
  assert.equal(again.status, 201);
  assert.equal(again.body.objectTypeId, "2-1000002", "type ids are never reused");
  assert.equal((await api.call("DELETE", "/crm/v3/schemas/p_nothing")).status, 404);
});

test("schema routes need crm.schemas.custom.read / write, and custom properties need them too", async () => {
  const api = emulatorApi();
  await api.call("POST", "/crm/v3/schemas", carSchema());
  const contactsOnly = tokenWith(api, ["crm.schemas.contacts.read", "crm.schemas.contacts.write"]);
  for (const path of paths) {
    const read = await api.call("GET", path, undefined, { token: contactsOnly });
    assert.equal(read.status, 403);
    assert.equal(read.body.category, "MISSING_SCOPES");
    assert.match(JSON.stringify(read.body), /crm\.schemas\.custom\.read/);
  }
  assert.equal((await api.call("GET", "/crm/v3/properties/p_car", undefined, { token: contactsOnly })).status, 403);
  const readOnly = tokenWith(api, ["crm.schemas.custom.read"]);
  assert.equal((await api.call("GET", "/crm/v3/schemas/car", undefined, { token: readOnly })).status, 200);
  const create = await api.call("POST", "/crm-object-schemas/v3/schemas", carSchema({ name: "boat" }), { token: readOnly });
  assert.equal(create.status, 403);
  assert.match(JSON.stringify(create.body), /crm\.schemas\.custom\.write/);
  assert.equal((await api.call("DELETE", "/crm/v3/schemas/car", undefined, { token: readOnly })).status, 403);
  assert.equal((await api.call("GET", "/crm/v3/properties/p_car/vin", undefined, { token: readOnly })).status, 200);
});

test("properties of a custom type are managed through the properties API", async () => {
  const api = emulatorApi();
  await api.call("POST", "/crm/v3/schemas", carSchema());
  const created = await api.call("POST", "/crm/v3/properties/p_car", { name: "plate", label: "Plate", type: "string", fieldType: "text", groupName: "information", hasUniqueValue: true });
  assert.equal(created.status, 201);
  const portal = api.emulator.parts.state.defaultPortal;
  assert.ok(portal.store(portal.resolveType("car")).uniqueProperties.includes("plate"));
  const schema = await api.call("GET", "/crm/v3/schemas/2-1000001");
  assert.ok(schema.body.properties.some((p: { name: string }) => p.name === "plate"));
});

test("SchemaStore.create works without HTTP and returns the ObjectSchema", () => {
  const api = emulatorApi();
  const portal = api.emulator.parts.state.defaultPortal;
  const schema = portal.schemas.create(carSchema());
  assert.equal(schema.objectTypeId, "2-1000001");
  const car = portal.resolveType(schema.objectTypeId);
  assert.equal(car.custom, true);
  assert.equal(portal.resolveType(`p${portal.id}_car`), car);
  const store = portal.store(car);
  const first = store.create({ model: "Mini", vin: "A1" }, { sourceType: "IMPORT" }, portal.state.clock.now());
  assert.equal(store.findUnique("vin", "a1"), first);
  assert.throws(() => portal.schemas.create(carSchema()), (error: Error & { status?: number }) => error.status === 409);
});
