import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi, type EmulatorApi } from "../../../test/support/emulator-api.ts";

const favourite = { name: "favorite_food", label: "Favorite food", type: "string", fieldType: "text", groupName: "contactinformation" };

function tokenWith(api: EmulatorApi, scopes: string[]): string {
  const { state } = api.emulator.parts;
  return state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, scopes).token;
}

test("properties are listed as {results} and read one by one; unknown names are 404", async () => {
  const { call } = emulatorApi();
  const list = await call("GET", "/crm/v3/properties/contacts");
  assert.equal(list.status, 200);
  const email = list.body.results.find((p: { name: string }) => p.name === "email");
  assert.equal(email.type, "string");
  assert.equal(email.hubspotDefined, true);
  const byTypeId = await call("GET", "/crm/v3/properties/0-1/email");
  assert.equal(byTypeId.status, 200);
  assert.equal(byTypeId.body.groupName, "contactinformation");
  const missing = await call("GET", "/crm/v3/properties/contacts/nothing_here");
  assert.equal(missing.status, 404);
  assert.equal(missing.body.category, "OBJECT_NOT_FOUND");
  const badType = await call("GET", "/crm/v3/properties/spaceships");
  assert.equal(badType.status, 400);
});

test("a created property comes back as HubSpot defines it, and a second with the same name is a 409", async () => {
  const { call } = emulatorApi();
  const created = await call("POST", "/crm/v3/properties/contacts", { ...favourite, description: "Lunch", displayOrder: 3 });
  assert.equal(created.status, 201);
  assert.equal(created.body.name, "favorite_food");
  assert.equal(created.body.hubspotDefined, false);
  assert.equal(created.body.description, "Lunch");
  assert.equal(created.body.displayOrder, 3);
  assert.deepEqual(created.body.modificationMetadata, { archivable: true, readOnlyDefinition: false, readOnlyValue: false });
  assert.equal((await call("GET", "/crm/v3/properties/contacts/favorite_food")).body.label, "Favorite food");
  const again = await call("POST", "/crm/v3/properties/contacts", favourite);
  assert.equal(again.status, 409);
  assert.equal(again.body.category, "CONFLICT");
});

test("each invalid property-create body is refused with a 400 naming the field", async () => {
  const { call } = emulatorApi();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...favourite, name: "FavoriteFood" }, "name"],
    [{ ...favourite, name: "1food" }, "name"],
    [{ ...favourite, type: "text" }, "type"],
    [{ ...favourite, type: "number", fieldType: "select" }, "fieldType"],
    [{ ...favourite, type: "bool", fieldType: "text" }, "fieldType"],
    [{ ...favourite, groupName: "no_such_group" }, "groupName"],
    [{ ...favourite, type: "enumeration", fieldType: "select" }, "options"],
    [{ ...favourite, type: "enumeration", fieldType: "select", options: [{ label: "A", value: "a" }, { label: "B", value: "a" }] }, "options"],
    [{ ...favourite, type: "enumeration", fieldType: "select", options: [{ label: "A" }] }, "options[0].value"],
    [{ ...favourite, options: [{ label: "A", value: "a" }] }, "options"],
  ];
  for (const [body, field] of cases) {
    const answer = await call("POST", "/crm/v3/properties/contacts", body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.category, "VALIDATION_ERROR");
    assert.equal(answer.body.errors[0].in, field, JSON.stringify(answer.body));
  }
  const { fieldType: _omitted, ...withoutFieldType } = favourite;
  const missing = await call("POST", "/crm/v3/properties/contacts", withoutFieldType);
  assert.equal(missing.status, 400);
  assert.match(missing.body.message, /fieldType/);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/favorite_food")).status, 404, "nothing was created");
});

test("enumeration options are stored with their order, and datetime takes the date field type", async () => {
  const { call } = emulatorApi();
  const options = [{ label: "Gold", value: "gold", hidden: false }, { label: "Silver", value: "silver", hidden: true, displayOrder: 7 }];
  const tier = await call("POST", "/crm/v3/properties/deals", { name: "tier", label: "Tier", type: "enumeration", fieldType: "radio", groupName: "dealinformation", options });
  assert.equal(tier.status, 201);
  assert.deepEqual(tier.body.options, [
    { label: "Gold", value: "gold", hidden: false, displayOrder: 0 },
    { label: "Silver", value: "silver", hidden: true, displayOrder: 7 },
  ]);
  const when = await call("POST", "/crm/v3/properties/deals", { name: "renewal_at", label: "Renewal", type: "datetime", fieldType: "date", groupName: "dealinformation" });
  assert.equal(when.status, 201);
});

test("a unique-value property is indexed by the record store, at most 10 per type, never on contacts", async () => {
  const api = emulatorApi();
  const { call } = api;
  const unique = { name: "vat_number", label: "VAT", type: "string", fieldType: "text", groupName: "companyinformation", hasUniqueValue: true };
  const portal = api.emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType("companies"));
  // A record from before the property existed: the new index must take it in.
  const earlier = store.create({ vat_number: "GB123" }, { sourceType: "API" }, portal.state.clock.now());
  const created = await call("POST", "/crm/v3/properties/companies", unique);
  assert.equal(created.status, 201);
  assert.equal(created.body.hasUniqueValue, true);
  assert.ok(store.uniqueProperties.includes("vat_number"));
  assert.equal(store.findUnique("vat_number", "gb123")?.id, earlier.id);
  const later = store.create({ vat_number: "DE999" }, { sourceType: "API" }, portal.state.clock.now());
  assert.equal(store.findUnique("vat_number", "de999")?.id, later.id);

  const onContacts = await call("POST", "/crm/v3/properties/contacts", { ...unique, groupName: "contactinformation" });
  assert.equal(onContacts.status, 400);
  assert.equal(onContacts.body.errors[0].in, "hasUniqueValue");
  const onEnumeration = await call("POST", "/crm/v3/properties/companies", { ...unique, name: "kind", type: "enumeration", fieldType: "select", options: [{ label: "A", value: "a" }] });
  assert.equal(onEnumeration.status, 400);

  for (let i = 2; i <= 10; i++) assert.equal((await call("POST", "/crm/v3/properties/companies", { ...unique, name: `unique_${i}` })).status, 201);
  const eleventh = await call("POST", "/crm/v3/properties/companies", { ...unique, name: "unique_11" });
  assert.equal(eleventh.status, 400);
  assert.match(eleventh.body.message, /limit is 10/);

  await call("POST", "/crm/v3/properties/companies", { ...unique, name: "plain", hasUniqueValue: false });
  const makeUnique = await call("PATCH", "/crm/v3/properties/companies/plain", { hasUniqueValue: true });
  assert.equal(makeUnique.status, 400);
  assert.equal(makeUnique.body.errors[0].in, "hasUniqueValue");
});

test("PATCH changes what HubSpot lets change and checks type changes", async () => {
  const { call } = emulatorApi();
  await call("POST", "/crm/v3/properties/contacts", favourite);
  await call("POST", "/crm/v3/properties/contacts/groups", { name: "lunch", label: "Lunch" });
  const patched = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { label: "Food", description: "d", groupName: "lunch", hidden: true, displayOrder: 2 });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.label, "Food");
  assert.equal(patched.body.groupName, "lunch");
  assert.equal(patched.body.hidden, true);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/favorite_food")).body.label, "Food");

  const toEnumWithoutOptions = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { type: "enumeration" });
  assert.equal(toEnumWithoutOptions.status, 400);
  assert.equal(toEnumWithoutOptions.body.errors[0].in, "options");
  const badPair = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { type: "number", fieldType: "textarea" });
  assert.equal(badPair.status, 400);
  assert.equal(badPair.body.errors[0].in, "fieldType");
  const toEnum = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { type: "enumeration", fieldType: "checkbox", options: [{ label: "Pizza", value: "pizza" }] });
  assert.equal(toEnum.status, 200);
  assert.equal(toEnum.body.type, "enumeration");
  const relabelled = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { label: "Dish" });
  assert.equal(relabelled.status, 200, "a PATCH without options keeps an enumeration's options");
  assert.deepEqual(relabelled.body.options.map((o: { value: string }) => o.value), ["pizza"]);
  const toNumber = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { type: "number" });
  assert.equal(toNumber.body.fieldType, "number", "a type change without fieldType takes the type's default");
  assert.deepEqual(toNumber.body.options, [], "options do not survive a change away from enumeration");
  const unknownGroup = await call("PATCH", "/crm/v3/properties/contacts/favorite_food", { groupName: "nope" });
  assert.equal(unknownGroup.status, 400);

  const hubspotDefined = await call("PATCH", "/crm/v3/properties/contacts/email", { label: "E-mail" });
  assert.equal(hubspotDefined.status, 400);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/email")).body.label, "Email");
});

test("DELETE archives a custom property; HubSpot's own properties cannot be archived", async () => {
  const { call } = emulatorApi();
  await call("POST", "/crm/v3/properties/contacts", favourite);
  assert.equal((await call("DELETE", "/crm/v3/properties/contacts/favorite_food")).status, 204);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/favorite_food")).status, 404);
  const archived = await call("GET", "/crm/v3/properties/contacts/favorite_food?archived=true");
  assert.equal(archived.body.archived, true);
  assert.ok(archived.body.archivedAt);
  const archivedList = await call("GET", "/crm/v3/properties/contacts?archived=true");
  assert.deepEqual(archivedList.body.results.map((p: { name: string }) => p.name), ["favorite_food"]);
  const liveList = await call("GET", "/crm/v3/properties/contacts");
  assert.equal(liveList.body.results.some((p: { name: string }) => p.name === "favorite_food"), false);
  const builtIn = await call("DELETE", "/crm/v3/properties/contacts/email");
  assert.equal(builtIn.status, 400);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/email")).status, 200);
});

test("batch read answers 207 for names it cannot find, batch create 207 for invalid inputs, batch archive 204", async () => {
  const { call } = emulatorApi();
  const read = await call("POST", "/crm/v3/properties/contacts/batch/read", { inputs: [{ name: "email" }, { name: "nope" }], archived: false });
  assert.equal(read.status, 207);
  assert.deepEqual(read.body.results.map((p: { name: string }) => p.name), ["email"]);
  assert.equal(read.body.numErrors, 1);
  assert.deepEqual(read.body.errors[0].context, { name: ["nope"] });
  const allFound = await call("POST", "/crm/v3/properties/contacts/batch/read", { inputs: [{ name: "email" }, { name: "firstname" }], archived: false });
  assert.equal(allFound.status, 200);
  assert.equal(allFound.body.status, "COMPLETE");

  const created = await call("POST", "/crm/v3/properties/contacts/batch/create", { inputs: [favourite, { ...favourite, name: "shoe_size", type: "number", fieldType: "number" }] });
  assert.equal(created.status, 201);
  assert.equal(created.body.results.length, 2);
  const partial = await call("POST", "/crm/v3/properties/contacts/batch/create", { inputs: [{ ...favourite, name: "pet" }, { ...favourite, name: "Bad" }, favourite] });
  assert.equal(partial.status, 207);
  assert.deepEqual(partial.body.results.map((p: { name: string }) => p.name), ["pet"]);
  assert.deepEqual(partial.body.errors.map((e: { category: string }) => e.category), ["VALIDATION_ERROR", "CONFLICT"]);

  const refused = await call("POST", "/crm/v3/properties/contacts/batch/archive", { inputs: [{ name: "pet" }, { name: "email" }] });
  assert.equal(refused.status, 400);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/pet")).status, 200, "a refused batch archives nothing");
  const archived = await call("POST", "/crm/v3/properties/contacts/batch/archive", { inputs: [{ name: "pet" }, { name: "shoe_size" }, { name: "never_existed" }] });
  assert.equal(archived.status, 204);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/pet")).status, 404);
  const tooMany = await call("POST", "/crm/v3/properties/contacts/batch/read", { inputs: Array.from({ length: 4 }, () => ({ name: "email" })) });
  assert.equal(tooMany.status, 200);
  const { call: smallCall } = emulatorApi({ limits: { batchMaxInputs: 3 } });
  assert.equal((await smallCall("POST", "/crm/v3/properties/contacts/batch/read", { inputs: Array.from({ length: 4 }, () => ({ name: "email" })) })).status, 400);
});

test("property groups: list, create, read, update, and archive only when empty and not HubSpot's", async () => {
  const { call } = emulatorApi();
  const list = await call("GET", "/crm/v3/properties/contacts/groups");
  assert.ok(list.body.results.some((g: { name: string }) => g.name === "contactinformation"));
  const created = await call("POST", "/crm/v3/properties/contacts/groups", { name: "lunch", label: "Lunch", displayOrder: 4 });
  assert.equal(created.status, 201);
  assert.deepEqual(created.body, { name: "lunch", label: "Lunch", displayOrder: 4, archived: false });
  assert.equal((await call("POST", "/crm/v3/properties/contacts/groups", { name: "lunch", label: "Again" })).status, 409);
  const badName = await call("POST", "/crm/v3/properties/contacts/groups", { name: "Lunch Time", label: "x" });
  assert.equal(badName.status, 400);
  assert.equal(badName.body.errors[0].in, "name");
  assert.equal((await call("POST", "/crm/v3/properties/contacts/groups", { name: "nolabel" })).status, 400);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/groups/lunch")).body.label, "Lunch");
  const patched = await call("PATCH", "/crm/v3/properties/contacts/groups/lunch", { label: "Lunch prefs", displayOrder: 1 });
  assert.deepEqual(patched.body, { name: "lunch", label: "Lunch prefs", displayOrder: 1, archived: false });

  await call("POST", "/crm/v3/properties/contacts", { ...favourite, groupName: "lunch" });
  const notEmpty = await call("DELETE", "/crm/v3/properties/contacts/groups/lunch");
  assert.equal(notEmpty.status, 400);
  await call("DELETE", "/crm/v3/properties/contacts/favorite_food");
  assert.equal((await call("DELETE", "/crm/v3/properties/contacts/groups/lunch")).status, 204);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/groups/lunch")).status, 404);
  assert.equal((await call("POST", "/crm/v3/properties/contacts", { ...favourite, name: "late", groupName: "lunch" })).status, 400, "an archived group takes no properties");
  assert.equal((await call("DELETE", "/crm/v3/properties/contacts/groups/contactinformation")).status, 400);
  assert.equal((await call("GET", "/crm/v3/properties/contacts/groups/nope")).status, 404);
});

test("reading and writing definitions needs the type's schema scopes", async () => {
  const api = emulatorApi();
  const readOnly = tokenWith(api, ["crm.schemas.contacts.read", "crm.objects.contacts.write"]);
  assert.equal((await api.call("GET", "/crm/v3/properties/contacts", undefined, { token: readOnly })).status, 200);
  const write = await api.call("POST", "/crm/v3/properties/contacts", favourite, { token: readOnly });
  assert.equal(write.status, 403);
  assert.equal(write.body.category, "MISSING_SCOPES");
  assert.match(JSON.stringify(write.body), /crm\.schemas\.contacts\.write/);
  const groups = await api.call("GET", "/crm/v3/properties/deals/groups", undefined, { token: readOnly });
  assert.equal(groups.status, 403);
  assert.match(JSON.stringify(groups.body), /crm\.schemas\.deals\.read/);
  const batch = await api.call("POST", "/crm/v3/properties/contacts/batch/archive", { inputs: [] }, { token: readOnly });
  assert.equal(batch.status, 403);
});
