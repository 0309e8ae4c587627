import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { createEmulator } from "../index.ts";
import type { AssociationChange } from "./association-store.ts";
import { customObjectType } from "./object-type.ts";

const source = { sourceType: "INTEGRATION" };
const DAY = 24 * 3600 * 1000;

function portalWithTypes() {
  const portal = createEmulator({ rateLimits: false }).parts.state.defaultPortal;
  const type = (name: string) => portal.resolveType(name);
  const create = (name: string) => portal.store(type(name)).create({}, source, 1_000).id;
  return { portal, type, create, associations: portal.associations };
}

const ids = (types: Array<{ typeId: number }>): number[] => types.map((t) => t.typeId);

test("HubSpot's default type ids, both directions", () => {
  const { type, associations } = portalWithTypes();
  const expected: Array<[string, string, number]> = [
    ["contacts", "companies", 279], ["companies", "contacts", 280],
    ["deals", "contacts", 3], ["contacts", "deals", 4],
    ["deals", "companies", 341], ["companies", "deals", 342],
    ["tickets", "contacts", 16], ["contacts", "tickets", 15],
    ["tickets", "companies", 339], ["companies", "tickets", 340],
    ["deals", "tickets", 27], ["tickets", "deals", 28],
    ["deals", "line_items", 19], ["line_items", "deals", 20],
    ["deals", "quotes", 63], ["quotes", "deals", 64],
    ["quotes", "line_items", 67], ["line_items", "quotes", 68],
    ["contacts", "contacts", 449], ["companies", "companies", 450], ["deals", "deals", 451], ["tickets", "tickets", 452],
    ["notes", "contacts", 202], ["contacts", "notes", 201], ["notes", "ticket", 228], ["tickets", "notes", 227],
    ["calls", "companies", 182], ["companies", "calls", 181], ["emails", "deals", 210], ["deals", "emails", 209],
    ["meetings", "tickets", 226], ["tasks", "contacts", 204], ["contacts", "tasks", 203],
  ];
  for (const [from, to, id] of expected) assert.equal(associations.defaultTypeId(type(from), type(to)), id, `${from} → ${to}`);
  const primary = associations.types.get(1);
  assert.equal(primary?.label, "Primary");
  assert.equal(primary?.inverseTypeId, 2);
  assert.deepEqual([13, 14].map((id) => associations.types.get(id)?.inverseTypeId), [14, 13]);
  assert.deepEqual([5, 6, 25, 26].map((id) => associations.types.get(id)?.inverseTypeId), [6, 5, 26, 25]);
});

test("pairs HubSpot has no fixed id for get generated ids, remembered per portal, both directions", () => {
  const { portal, type, associations } = portalWithTypes();
  const gift = customObjectType(portal.id, "2-100", "gift", "name");
  portal.types.add(gift);
  const toContact = associations.defaultTypeId(gift, type("contacts"));
  const fromContact = associations.defaultTypeId(type("contacts"), gift);
  assert.notEqual(toContact, fromContact);
  assert.ok(toContact > 452 && fromContact > 452);
  assert.equal(associations.defaultTypeId(gift, type("contacts")), toContact);
  assert.equal(associations.types.get(toContact)?.inverseTypeId, fromContact);
  assert.equal(associations.types.get(toContact)?.category, "USER_DEFINED");
  const giftToGift = associations.defaultTypeId(gift, gift);
  assert.equal(associations.types.get(giftToGift)?.inverseTypeId, giftToGift, "same-type defaults are symmetric, like 449");
});

test("associate writes both directions; a second primary company moves the primary", () => {
  const { type, create, associations } = portalWithTypes();
  const contact = create("contacts");
  const [a, b] = [create("companies"), create("companies")];
  const primary = [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }];
  associations.associate(type("contacts"), contact, type("companies"), a, primary, source, 1);
  assert.deepEqual(ids(associations.typesBetween(type("companies"), a, type("contacts"), contact)), [280, 2]);
  associations.associate(type("contacts"), contact, type("companies"), b, primary, source, 2);
  const targets = associations.targets(type("contacts"), contact, type("companies"));
  assert.deepEqual(targets.map((t) => [t.toObjectId, ids(t.types)]), [[a, [279]], [b, [279, 1]]]);
  assert.deepEqual(ids(associations.typesBetween(type("companies"), a, type("contacts"), contact)), [280]);
});

test("a record cannot be associated with itself; a wrong category is a 400", () => {
  const { type, create, associations } = portalWithTypes();
  const contact = create("contacts");
  const company = create("companies");
  assert.throws(() => associations.associate(type("contacts"), contact, type("contacts"), contact, [], source, 1), /itself/);
  assert.throws(() => associations.associate(type("contacts"), contact, type("companies"), company, [{ associationCategory: "USER_DEFINED", associationTypeId: 1 }], source, 1), /HUBSPOT_DEFINED/);
});

test("onChange tells each type added and removed, in the direction written", () => {
  const { type, create, associations } = portalWithTypes();
  const changes: AssociationChange[] = [];
  associations.onChange((change) => changes.push(change));
  const deal = create("deals");
  const company = create("companies");
  associations.associate(type("deals"), deal, type("companies"), company, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 5 }], source, 42);
  assert.deepEqual(changes.map((c) => [c.kind, c.fromType.name, c.fromId, c.toType.name, c.toId, c.typeId, c.label, c.primary, c.at]), [
    ["added", "deals", deal, "companies", company, 341, null, false, 42],
    ["added", "deals", deal, "companies", company, 5, "Primary", true, 42],
  ]);
  changes.length = 0;
  associations.removePair(type("companies"), company, type("deals"), deal, source, 43);
  assert.deepEqual(changes.map((c) => [c.kind, c.fromType.name, c.typeId, c.inverseTypeId, c.typeName]), [
    ["removed", "companies", 342, 341, "company_to_deal_unlabeled"],
    ["removed", "companies", 6, 5, "company_to_deal"],
  ]);
  assert.equal(changes[0]?.source, source);
});

test("a merge re-points every association of the merged ids to the survivor, deduplicated", () => {
  const { portal, type, create, associations } = portalWithTypes();
  const contacts = portal.store(type("contacts"));
  const [a, b, friend] = [create("contacts"), create("contacts"), create("contacts")];
  const [x, y] = [create("companies"), create("companies")];
  const primary = [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }];
  associations.associate(type("contacts"), a, type("companies"), x, primary, source, 1);
  associations.associate(type("contacts"), b, type("companies"), y, primary, source, 1);
  associations.associate(type("contacts"), b, type("companies"), x, [], source, 1);
  associations.associate(type("contacts"), a, type("contacts"), b, [], source, 1);
  associations.associate(type("contacts"), b, type("contacts"), friend, [], source, 1);

  const recordA = contacts.get(a);
  const recordB = contacts.get(b);
  assert.ok(recordA && recordB);
  const survivor = contacts.merge(recordA, recordB, source, 5).id;

  const companies = associations.targets(type("contacts"), survivor, type("companies"));
  assert.deepEqual(companies.map((t) => [t.toObjectId, ids(t.types)]), [[x, [279, 1]], [y, [279]]], "the primary record's primary company wins");
  assert.deepEqual(associations.targets(type("contacts"), survivor, type("contacts")).map((t) => t.toObjectId), [friend], "the pair between the merged records is gone");
  assert.deepEqual(associations.targets(type("companies"), x, type("contacts")).map((t) => t.toObjectId), [survivor]);
  assert.deepEqual(associations.targets(type("contacts"), friend, type("contacts")).map((t) => t.toObjectId), [survivor]);
  assert.deepEqual(associations.typesBetween(type("companies"), y, type("contacts"), b), []);
});

test("a purged record's associations are deleted, both sides", () => {
  const { portal, type, create, associations } = portalWithTypes();
  const contact = create("contacts");
  const company = create("companies");
  associations.associate(type("contacts"), contact, type("companies"), company, [], source, 1);
  const companies = portal.store(type("companies"));
  const record = companies.get(company);
  assert.ok(record);
  companies.archive(record, source, 10);
  assert.deepEqual(associations.targets(type("contacts"), contact, type("companies")), [], "hidden while archived");
  assert.deepEqual(ids(associations.typesBetween(type("contacts"), contact, type("companies"), company)), [279], "but still stored");
  [...companies.scan(0, true, 10 + 91 * DAY)];
  assert.deepEqual(associations.typesBetween(type("contacts"), contact, type("companies"), company), []);
  assert.deepEqual(associations.typesBetween(type("companies"), company, type("contacts"), contact), []);
});

test("v3View names each type on the pair and leaves out types with no associations", () => {
  const { type, create, associations } = portalWithTypes();
  const contact = create("contacts");
  const [c1, c2] = [create("companies"), create("companies")];
  associations.associate(type("contacts"), contact, type("companies"), c2, [], source, 1);
  associations.associate(type("contacts"), contact, type("companies"), c1, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }], source, 1);
  assert.deepEqual(associations.v3View(type("contacts"), contact, ["companies", "deals", "nonsense"]), {
    companies: {
      results: [
        { id: c1, type: "contact_to_company" },
        { id: c1, type: "contact_to_company_unlabeled" },
        { id: c2, type: "contact_to_company_unlabeled" },
      ],
    },
  });
});

test("100,000 pairs store quickly and a 1,000-id batch read answers them", async () => {
  const api = emulatorApi();
  const portal = api.emulator.parts.state.defaultPortal;
  const contacts = portal.store(portal.resolveType("contacts"));
  const companies = portal.store(portal.resolveType("companies"));
  const companyIds = Array.from({ length: 1_000 }, () => companies.create({}, source, 1).id);
  const contactIds = Array.from({ length: 50_000 }, () => contacts.create({}, source, 1).id);
  const contactType = portal.resolveType("contacts");
  const companyType = portal.resolveType("companies");
  const started = performance.now();
  contactIds.forEach((id, i) => {
    portal.associations.associate(contactType, id, companyType, companyIds[i % 1_000] ?? "", [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }], source, 1);
    portal.associations.associate(contactType, id, companyType, companyIds[(i + 1) % 1_000] ?? "", [], source, 1);
  });
  const writeMs = performance.now() - started;
  assert.ok(writeMs < 5_000, `100,000 pairs took ${Math.round(writeMs)} ms`);

  const readStarted = performance.now();
  const read = await api.call("POST", "/crm/v4/associations/contacts/companies/batch/read", { inputs: contactIds.slice(0, 1_000).map((id) => ({ id })) });
  const readMs = performance.now() - readStarted;
  assert.equal(read.status, 200);
  assert.equal(read.body.results.length, 1_000);
  assert.equal(read.body.results[0].to.length, 2);
  assert.ok(readMs < 2_000, `a 1,000-id batch read took ${Math.round(readMs)} ms`);
});
