import assert from "node:assert/strict";
import { test } from "node:test";
import { searchKit, where } from "./search-test-kit.ts";

/** Three deals: one with Ann, one with Ann and Bob, one with nobody. */
function fixture() {
  const kit = searchKit();
  const portal = kit.portal;
  const [deals, contacts] = [portal.resolveType("deals"), portal.resolveType("contacts")];
  const ann = kit.create("contacts", { firstname: "Ann" }).id;
  const bob = kit.create("contacts", { firstname: "Bob" }).id;
  const withAnn = kit.create("deals", { dealname: "Ann's deal" }).id;
  const withBoth = kit.create("deals", { dealname: "Shared deal" }).id;
  const alone = kit.create("deals", { dealname: "Lonely deal" }).id;
  const link = (dealId: string, contactId: string) => portal.associations.associate(deals, dealId, contacts, contactId, [], { sourceType: "INTEGRATION" }, Date.now());
  link(withAnn, ann);
  link(withBoth, ann);
  link(withBoth, bob);
  return { ...kit, ann, bob, withAnn, withBoth, alone };
}

test("associations.contact EQ finds the deals associated with that contact", async () => {
  const { ids, ann, bob, withAnn, withBoth } = fixture();
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "EQ", value: ann })), [withAnn, withBoth]);
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "EQ", value: bob })), [withBoth]);
  // The type may be named by its plural or its id too.
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contacts", operator: "EQ", value: bob })), [withBoth]);
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.0-1", operator: "EQ", value: bob })), [withBoth]);
});

test("associations.* combines with IN, NEQ, HAS_PROPERTY and other filters", async () => {
  const { ids, ann, bob, withAnn, withBoth, alone } = fixture();
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "IN", values: [bob, "999999"] })), [withBoth]);
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "NEQ", value: bob })), [withAnn, alone]);
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "HAS_PROPERTY" })), [withAnn, withBoth]);
  assert.deepEqual(await ids("deals", where({ propertyName: "associations.contact", operator: "NOT_HAS_PROPERTY" })), [alone]);
  assert.deepEqual(
    await ids("deals", where({ propertyName: "associations.contact", operator: "EQ", value: ann }, { propertyName: "dealname", operator: "CONTAINS_TOKEN", value: "shared" })),
    [withBoth],
  );
});

test("removing an association removes the deal from the filter's results", async () => {
  const kit = fixture();
  const [deals, contacts] = [kit.portal.resolveType("deals"), kit.portal.resolveType("contacts")];
  kit.portal.associations.removePair(deals, kit.withAnn, contacts, kit.ann, { sourceType: "INTEGRATION" }, Date.now());
  assert.deepEqual(await kit.ids("deals", where({ propertyName: "associations.contact", operator: "EQ", value: kit.ann })), [kit.withBoth]);
});

test("associations.{unknown type} is a 400 naming the property", async () => {
  const { search } = fixture();
  const answer = await search("deals", where({ propertyName: "associations.spaceship", operator: "EQ", value: "1" }));
  assert.equal(answer.status, 400);
  assert.match((answer.body as any).message, /associations\.spaceship/);
});
