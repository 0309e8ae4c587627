import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

const api = { source: { sourceType: "API" } };

function setup() {
  const harness = emulatorApi();
  const portal = harness.emulator.parts.state.defaultPortal;
  const contacts = portal.store(portal.resolveType("contacts"));
  const companies = portal.store(portal.resolveType("companies"));
  const now = () => harness.emulator.parts.state.clock.now();
  const contact = (properties: Record<string, string> = {}) => contacts.create(properties, api.source, now());
  return { ...harness, portal, contacts, companies, contact, now };
}

async function manualList(call: ReturnType<typeof setup>["call"], name = "VIPs", objectTypeId = "0-1"): Promise<string> {
  const { status, body } = await call("POST", "/crm/v3/lists/", { name, objectTypeId, processingType: "MANUAL" });
  assert.equal(status, 200);
  return body.list.listId;
}

const andBranch = (filters: unknown[]) => ({ filterBranchType: "OR", filters: [], filterBranches: [{ filterBranchType: "AND", filters, filterBranches: [] }] });

test("create a list on either path, then read it by id, by name, by ids and by search", async () => {
  const { call } = setup();
  const created = await call("POST", "/crm/v3/lists", { name: "Newsletter", objectTypeId: "0-1", processingType: "MANUAL" });
  assert.equal(created.status, 200);
  const list = created.body.list;
  assert.match(list.listId, /^\d+$/);
  assert.equal(list.name, "Newsletter");
  assert.equal(list.objectTypeId, "0-1");
  assert.equal(list.processingType, "MANUAL");
  assert.equal(list.processingStatus, "COMPLETE");
  assert.equal(list.listVersion, 1);
  assert.equal(list.size, 0);
  assert.ok(!Number.isNaN(Date.parse(list.createdAt)) && !Number.isNaN(Date.parse(list.updatedAt)));
  const second = await manualList(call, "Partners");
  const companiesList = await manualList(call, "Partners", "0-2");
  assert.notEqual(second, companiesList, "the same name is fine for another object type");

  const byId = await call("GET", `/crm/v3/lists/${list.listId}`);
  assert.equal(byId.body.list.name, "Newsletter");
  const byName = await call("GET", "/crm/v3/lists/object-type-id/0-1/name/Partners");
  assert.equal(byName.body.list.listId, second);
  assert.equal((await call("GET", "/crm/v3/lists/object-type-id/0-1/name/Nope")).status, 404);
  const byIds = await call("GET", `/crm/v3/lists/?listIds=${list.listId}&listIds=${companiesList}&listIds=999`);
  assert.deepEqual(byIds.body.lists.map((l: { listId: string }) => l.listId), [list.listId, companiesList]);

  const search = await call("POST", "/crm/v3/lists/search", { query: "partn", offset: 0, count: 1 });
  assert.equal(search.status, 200);
  assert.equal(search.body.total, 2);
  assert.equal(search.body.hasMore, true);
  assert.equal(search.body.offset, 1);
  assert.equal(search.body.lists[0].listId, second);
  assert.equal(search.body.lists[0].additionalProperties.hs_list_size, "0");
  const rest = await call("POST", "/crm/v3/lists/search", { query: "partn", offset: 1, count: 1 });
  assert.equal(rest.body.hasMore, false);
  assert.equal(rest.body.lists[0].listId, companiesList);
  const dynamicOnly = await call("POST", "/crm/v3/lists/search", { processingTypes: ["DYNAMIC"] });
  assert.equal(dynamicOnly.body.total, 0);
});

test("a duplicate name for the same object type is HubSpot's 400 ILS.DUPLICATE_LIST_NAMES", async () => {
  const { call } = setup();
  await manualList(call, "Dupes");
  const again = await call("POST", "/crm/v3/lists/", { name: "dupes", objectTypeId: "0-1", processingType: "MANUAL" });
  assert.equal(again.status, 400);
  assert.equal(again.body.category, "VALIDATION_ERROR");
  assert.equal(again.body.subCategory, "ILS.DUPLICATE_LIST_NAMES");
  const other = await manualList(call, "Other");
  const rename = await call("PUT", `/crm/v3/lists/${other}/update-list-name?listName=Dupes`);
  assert.equal(rename.body.subCategory, "ILS.DUPLICATE_LIST_NAMES");
  const renamed = await call("PUT", `/crm/v3/lists/${other}/update-list-name?listName=Renamed`);
  assert.equal(renamed.body.updatedList.name, "Renamed");
});

test("create validates processingType, objectTypeId and required fields", async () => {
  const { call } = setup();
  assert.equal((await call("POST", "/crm/v3/lists/", { name: "x", objectTypeId: "0-1", processingType: "STATIC" })).status, 400);
  const badType = await call("POST", "/crm/v3/lists/", { name: "x", objectTypeId: "9-99", processingType: "MANUAL" });
  assert.equal(badType.status, 400);
  assert.equal(badType.body.subCategory, "ListError.INVALID_OBJECT_TYPE_FOR_LIST");
  const missing = await call("POST", "/crm/v3/lists/", { name: "x" });
  assert.match(missing.body.message, /objectTypeId, processingType/);
  assert.equal((await call("POST", "/crm/v3/lists/", { name: "d", objectTypeId: "0-1", processingType: "DYNAMIC" })).status, 400, "DYNAMIC needs filters");
  const badRoot = await call("POST", "/crm/v3/lists/", { name: "d", objectTypeId: "0-1", processingType: "DYNAMIC", filterBranch: { filterBranchType: "AND", filters: [], filterBranches: [] } });
  assert.equal(badRoot.status, 400);
});

test("memberships: add reports missing ids, remove, add-and-remove", async () => {
  const { call, contact, companies, now } = setup();
  const [a, b, c] = [contact(), contact(), contact()];
  const company = companies.create({ name: "Acme" }, api.source, now());
  const listId = await manualList(call);

  const added = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [a.id, b.id, "999999", company.id, "not-an-id"]);
  assert.equal(added.status, 200);
  assert.deepEqual(added.body.recordIdsAdded, [a.id, b.id]);
  assert.deepEqual(added.body.recordsIdsAdded, [a.id, b.id], "the SDK reads HubSpot's spelling");
  assert.deepEqual(added.body.recordIdsMissing, ["999999", company.id, "not-an-id"]);

  const again = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [a.id]);
  assert.deepEqual(again.body.recordIdsAdded, [], "an existing member is ignored");
  assert.deepEqual(again.body.recordIdsMissing, []);

  const removed = await call("PUT", `/crm/v3/lists/${listId}/memberships/remove`, [a.id, c.id, "888888"]);
  assert.deepEqual(removed.body.recordIdsRemoved, [a.id]);
  assert.deepEqual(removed.body.recordIdsMissing, ["888888"]);

  const both = await call("PUT", `/crm/v3/lists/${listId}/memberships/add-and-remove`, { recordIdsToAdd: [a.id, c.id, "777777"], recordIdsToRemove: [b.id] });
  assert.deepEqual(both.body.recordIdsAdded, [a.id, c.id]);
  assert.deepEqual(both.body.recordIdsRemoved, [b.id]);
  assert.deepEqual(both.body.recordIdsMissing, ["777777"]);

  const members = await call("GET", `/crm/v3/lists/${listId}/memberships`);
  assert.deepEqual(members.body.results.map((m: { recordId: string }) => m.recordId), [a.id, c.id]);
  assert.ok(!Number.isNaN(Date.parse(members.body.results[0].membershipTimestamp)));
  assert.equal((await call("GET", `/crm/v3/lists/${listId}`)).body.list.size, 2);

  const ofRecord = await call("GET", `/crm/v3/lists/records/0-1/${a.id}/memberships`);
  assert.deepEqual(ofRecord.body.results.map((m: { listId: string }) => m.listId), [listId]);

  assert.equal((await call("DELETE", `/crm/v3/lists/${listId}/memberships`)).status, 204);
  assert.deepEqual((await call("GET", `/crm/v3/lists/${listId}/memberships`)).body.results, []);
});

test("memberships page forwards with after and back with before, in record id order", async () => {
  const { call, contact } = setup();
  const ids = Array.from({ length: 7 }, () => contact().id);
  const listId = await manualList(call);
  await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [...ids].reverse());

  const pages: string[][] = [];
  let after: string | undefined;
  let last: { paging?: { prev?: { before: string } } } = {};
  do {
    const { body } = await call("GET", `/crm/v3/lists/${listId}/memberships?limit=3${after === undefined ? "" : `&after=${after}`}`);
    pages.push(body.results.map((m: { recordId: string }) => m.recordId));
    after = body.paging?.next?.after;
    last = body;
  } while (after !== undefined);
  assert.deepEqual(pages, [ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);

  const before = last.paging?.prev?.before;
  assert.ok(before !== undefined);
  const back = await call("GET", `/crm/v3/lists/${listId}/memberships?limit=3&before=${before}`);
  assert.deepEqual(back.body.results.map((m: { recordId: string }) => m.recordId), ids.slice(3, 6));
  assert.ok(back.body.paging.next.after !== undefined);

  const capped = await call("GET", `/crm/v3/lists/${listId}/memberships?limit=1000`);
  assert.equal(capped.body.results.length, 7);
  const joinOrder = await call("GET", `/crm/v3/lists/${listId}/memberships/join-order?limit=2`);
  assert.deepEqual(joinOrder.body.results.map((m: { recordId: string }) => m.recordId), [ids[6], ids[5]]);
});

test("a DYNAMIC list follows its filters and refuses manual edits", async () => {
  const { call, contact, contacts, now } = setup();
  const customer = contact({ lifecyclestage: "customer", email: "a@x.com" });
  const lead = contact({ lifecyclestage: "lead" });
  const created = await call("POST", "/crm/v3/lists/", {
    name: "Customers",
    objectTypeId: "0-1",
    processingType: "DYNAMIC",
    filterBranch: andBranch([{ filterType: "PROPERTY", property: "lifecyclestage", operation: { operationType: "ENUMERATION", operator: "IS_ANY_OF", values: ["customer"] } }]),
  });
  assert.equal(created.status, 200);
  const listId = created.body.list.listId;
  assert.equal(created.body.list.size, 1);
  const withFilters = await call("GET", `/crm/v3/lists/${listId}?includeFilters=true`);
  assert.equal(withFilters.body.list.filterBranch.filterBranchType, "OR");
  assert.equal((await call("GET", `/crm/v3/lists/${listId}`)).body.list.filterBranch, undefined);

  for (const [path, body] of [
    ["add", [lead.id]],
    ["remove", [customer.id]],
    ["add-and-remove", { recordIdsToAdd: [lead.id], recordIdsToRemove: [] }],
  ] as const) {
    const refused = await call("PUT", `/crm/v3/lists/${listId}/memberships/${path}`, body);
    assert.equal(refused.status, 400, path);
    assert.equal(refused.body.category, "VALIDATION_ERROR");
    assert.match(refused.body.message, /DYNAMIC/);
  }
  assert.equal((await call("DELETE", `/crm/v3/lists/${listId}/memberships`)).status, 400);

  contacts.update(lead, { lifecyclestage: "customer" }, api.source, now());
  contacts.update(customer, { lifecyclestage: "other" }, api.source, now());
  const members = await call("GET", `/crm/v3/lists/${listId}/memberships`);
  assert.deepEqual(members.body.results.map((m: { recordId: string }) => m.recordId), [lead.id]);

  const refiltered = await call("PUT", `/crm/v3/lists/${listId}/update-list-filters`, {
    filterBranch: andBranch([{ filterType: "PROPERTY", property: "email", operation: { operationType: "ALL_PROPERTY", operator: "IS_KNOWN" } }]),
  });
  assert.equal(refiltered.body.updatedList.listVersion, 2);
  assert.deepEqual((await call("GET", `/crm/v3/lists/${listId}/memberships`)).body.results.map((m: { recordId: string }) => m.recordId), [customer.id]);
});

test("a SNAPSHOT list is filled from its filters once, then edited by hand", async () => {
  const { call, contact } = setup();
  const big = contact({ firstname: "Ada" });
  const other = contact({ firstname: "Bob" });
  const created = await call("POST", "/crm/v3/lists/", {
    name: "Snap",
    objectTypeId: "0-1",
    processingType: "SNAPSHOT",
    filterBranch: andBranch([{ filterType: "PROPERTY", property: "firstname", operation: { operationType: "STRING", operator: "IS_EQUAL_TO", value: "ada" } }]),
  });
  const listId = created.body.list.listId;
  assert.equal(created.body.list.size, 1);
  const added = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [other.id]);
  assert.deepEqual(added.body.recordIdsAdded, [other.id]);
  contact({ firstname: "Ada" });
  assert.deepEqual((await call("GET", `/crm/v3/lists/${listId}/memberships`)).body.results.map((m: { recordId: string }) => m.recordId), [big.id, other.id]);
});

test("archived records leave lists, and a merge's survivor takes the merged ids' memberships", async () => {
  const { call, contact, contacts, now } = setup();
  const [a, b, c] = [contact(), contact(), contact()];
  const listId = await manualList(call);
  await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [a.id, b.id]);

  contacts.archive(a, api.source, now());
  let members = (await call("GET", `/crm/v3/lists/${listId}/memberships`)).body.results.map((m: { recordId: string }) => m.recordId);
  assert.deepEqual(members, [b.id]);
  contacts.restore(a, api.source, now());
  const readd = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [a.id]);
  assert.deepEqual(readd.body.recordIdsAdded, [a.id], "a restored record can join again");
  contacts.archive(a, api.source, now());
  const archivedAdd = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [a.id]);
  assert.deepEqual(archivedAdd.body.recordIdsMissing, [a.id], "archived records are missing");

  const survivor = contacts.merge(c, b, api.source, now());
  members = (await call("GET", `/crm/v3/lists/${listId}/memberships`)).body.results.map((m: { recordId: string }) => m.recordId);
  assert.deepEqual(members, [survivor.id]);
});

test("delete hides a list until it is restored", async () => {
  const { call, contact } = setup();
  const listId = await manualList(call, "Temp");
  await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [contact().id]);
  assert.equal((await call("DELETE", `/crm/v3/lists/${listId}`)).status, 204);
  assert.equal((await call("GET", `/crm/v3/lists/${listId}`)).status, 404);
  assert.equal((await call("POST", "/crm/v3/lists/search", {})).body.total, 0);
  assert.equal((await call("PUT", `/crm/v3/lists/${listId}/restore`)).status, 204);
  assert.equal((await call("GET", `/crm/v3/lists/${listId}`)).body.list.size, 1);
  assert.equal((await call("PUT", "/crm/v3/lists/424242/restore")).status, 404);
});

test("lists need crm.lists.read to read and crm.lists.write to change", async () => {
  const { call, emulator } = setup();
  const { state } = emulator.parts;
  const listId = await manualList(call);
  const none = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"]).token;
  const readOnly = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.lists.read"]).token;
  const denied = await call("GET", `/crm/v3/lists/${listId}`, undefined, { token: none });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.category, "MISSING_SCOPES");
  assert.equal((await call("GET", `/crm/v3/lists/${listId}/memberships`, undefined, { token: none })).status, 403);
  assert.equal((await call("GET", `/crm/v3/lists/${listId}`, undefined, { token: readOnly })).status, 200);
  const write = await call("PUT", `/crm/v3/lists/${listId}/memberships/add`, [], { token: readOnly });
  assert.equal(write.status, 403);
  assert.deepEqual(write.body.errors[0].context.requiredGranularScopes, ["crm.lists.write"]);
  assert.equal((await call("POST", "/crm/v3/lists/", { name: "n", objectTypeId: "0-1", processingType: "MANUAL" }, { token: readOnly })).status, 403);
});
