import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi, type EmulatorApi } from "../../../test/support/emulator-api.ts";

const source = { sourceType: "INTEGRATION" };

/** Creates records straight in the store: these tests are about associations, not records. */
function records(api: EmulatorApi, typeName: string, count: number): string[] {
  const portal = api.emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType(typeName));
  return Array.from({ length: count }, (_, i) => store.create({ name: `${typeName} ${i}` }, source, Date.now()).id);
}

const typeIdsOf = (target: { associationTypes: Array<{ typeId: number }> }): number[] => target.associationTypes.map((t) => t.typeId);

test("a default PUT associates both directions with HubSpot's unlabelled type ids", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  const put = await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/default/companies/${company}`);
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.results.map((r: { associationSpec: { associationTypeId: number } }) => r.associationSpec.associationTypeId), [279, 280]);

  const forward = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.equal(forward.status, 200);
  assert.deepEqual(forward.body.results, [{ toObjectId: Number(company), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 279, label: null }] }]);
  const backward = await api.call("GET", `/crm/v4/objects/company/${company}/associations/0-1`);
  assert.deepEqual(backward.body.results, [{ toObjectId: Number(contact), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 280, label: null }] }]);
});

test("a labelled PUT replaces the labels on the pair and always keeps the default", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  const label = await api.call("POST", "/crm/v4/associations/contacts/companies/labels", { label: "Billing contact", name: "billing_contact" });
  const billing = label.body.results[0].typeId as number;

  const first = await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, [
    { associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 },
    { associationCategory: "USER_DEFINED", associationTypeId: billing },
  ]);
  assert.equal(first.status, 201);
  assert.deepEqual(first.body.labels.sort(), ["Billing contact", "Primary"]);
  const afterFirst = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(typeIdsOf(afterFirst.body.results[0]), [279, 1, billing]);

  await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, [{ associationCategory: "USER_DEFINED", associationTypeId: billing }]);
  const afterSecond = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(typeIdsOf(afterSecond.body.results[0]), [279, billing], "the primary was not re-sent, so it is gone; the default stays");
  const reverse = await api.call("GET", `/crm/v4/objects/companies/${company}/associations/contacts`);
  assert.deepEqual(typeIdsOf(reverse.body.results[0]), [280, label.body.results[1].typeId]);
});

test("a type id that is not the direction's is a 400 naming it, and nothing is written", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  const wrong = await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 280 }]);
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.category, "VALIDATION_ERROR");
  assert.match(wrong.body.message, /280/);
  const read = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(read.body.results, []);
});

test("writing to a record that does not exist is a 404", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const answer = await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/default/companies/99999`);
  assert.equal(answer.status, 404);
  assert.equal(answer.body.category, "OBJECT_NOT_FOUND");
});

test("labels: create with an inverse, list both directions, rename, delete strips them from pairs", async () => {
  const api = emulatorApi();
  const created = await api.call("POST", "/crm/v4/associations/contacts/contacts/labels", { label: "Manager", inverseLabel: "Employee", name: "manager_employee" });
  assert.equal(created.status, 200);
  const [manager, employee] = created.body.results as Array<{ typeId: number; label: string; category: string }>;
  assert.equal(manager?.label, "Manager");
  assert.equal(employee?.label, "Employee");
  assert.equal(manager?.category, "USER_DEFINED");
  assert.notEqual(manager?.typeId, employee?.typeId);

  const listed = await api.call("GET", "/crm/v4/associations/contacts/contacts/labels");
  assert.deepEqual(listed.body.results.map((r: { typeId: number }) => r.typeId), [449, manager?.typeId, employee?.typeId]);
  const sdkPath = await api.call("GET", "/crm/associations/v4/contacts/contacts/labels");
  assert.deepEqual(sdkPath.body, listed.body);

  const renamed = await api.call("PUT", "/crm/v4/associations/contacts/contacts/labels", { associationTypeId: manager?.typeId, label: "Boss", inverseLabel: "Report" });
  assert.equal(renamed.status, 204);
  const relisted = await api.call("GET", "/crm/v4/associations/contacts/contacts/labels");
  assert.deepEqual(relisted.body.results.map((r: { label: string | null }) => r.label), [null, "Boss", "Report"]);

  const [a, b] = records(api, "contacts", 2);
  await api.call("PUT", `/crm/v4/objects/contacts/${a}/associations/contacts/${b}`, [{ associationCategory: "USER_DEFINED", associationTypeId: manager?.typeId }]);
  const fromB = await api.call("GET", `/crm/v4/objects/contacts/${b}/associations/contacts`);
  assert.deepEqual(fromB.body.results[0].associationTypes, [{ category: "HUBSPOT_DEFINED", typeId: 449, label: null }, { category: "USER_DEFINED", typeId: employee?.typeId, label: "Report" }]);

  const deleted = await api.call("DELETE", `/crm/v4/associations/contacts/contacts/labels/${manager?.typeId}`);
  assert.equal(deleted.status, 204);
  const afterDelete = await api.call("GET", `/crm/v4/objects/contacts/${a}/associations/contacts`);
  assert.deepEqual(typeIdsOf(afterDelete.body.results[0]), [449]);
  const finalList = await api.call("GET", "/crm/v4/associations/contacts/contacts/labels");
  assert.deepEqual(finalList.body.results.map((r: { typeId: number }) => r.typeId), [449]);

  const hubspotDefined = await api.call("DELETE", "/crm/v4/associations/contacts/companies/labels/1");
  assert.equal(hubspotDefined.status, 400);
});

test("batch create writes the good inputs, answers 207 for unknown records, and batch read pages per record", async () => {
  const api = emulatorApi({ limits: { associationPageMax: 2 } });
  const [deal, lonely] = records(api, "deals", 2);
  const contacts = records(api, "contacts", 5);
  const inputs = [
    ...contacts.map((id) => ({ from: { id: deal }, to: { id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }] })),
    { from: { id: deal }, to: { id: "99999" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }] },
  ];
  const created = await api.call("POST", "/crm/v4/associations/deals/contacts/batch/create", { inputs });
  assert.equal(created.status, 207);
  assert.equal(created.body.results.length, 10, "both directions of each of the five good inputs");
  assert.equal(created.body.numErrors, 1);
  assert.deepEqual(created.body.errors[0].context, { toObjectId: ["99999"] });

  const seen: number[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const read = await api.call("POST", "/crm/v4/associations/deals/contacts/batch/read", { inputs: [{ id: deal, ...(after === undefined ? {} : { after }) }, { id: lonely }] });
    assert.equal(read.status, 207, "the deal without contacts is an error, as HubSpot answers");
    assert.equal(read.body.errors[0].subCategory, "crm.associations.NO_ASSOCIATIONS_FOUND");
    assert.deepEqual(read.body.errors[0].context.fromObjectId, [lonely]);
    const result = read.body.results[0];
    assert.equal(result.from.id, deal);
    assert.ok(result.to.length <= 2);
    for (const target of result.to) {
      seen.push(target.toObjectId);
      assert.deepEqual(typeIdsOf(target), [3]);
    }
    after = result.paging?.next?.after;
    pages++;
  } while (after !== undefined);
  assert.equal(pages, 3);
  assert.deepEqual(seen, contacts.map(Number));

  const reverse = await api.call("POST", "/crm/v4/associations/contacts/deals/batch/read", { inputs: contacts.map((id) => ({ id })) });
  assert.equal(reverse.status, 200);
  assert.deepEqual(reverse.body.results.map((r: { to: Array<{ associationTypes: Array<{ typeId: number }> }> }) => r.to[0]?.associationTypes[0]?.typeId), [4, 4, 4, 4, 4]);
});

test("the single-record read pages with limit and after", async () => {
  const api = emulatorApi();
  const [company] = records(api, "companies", 1);
  const contacts = records(api, "contacts", 3);
  await api.call("POST", "/crm/v4/associations/companies/contacts/batch/associate/default", { inputs: contacts.map((id) => ({ from: { id: company }, to: { id } })) });
  const first = await api.call("GET", `/crm/v4/objects/companies/${company}/associations/contacts?limit=2`);
  assert.equal(first.body.results.length, 2);
  const second = await api.call("GET", `/crm/v4/objects/companies/${company}/associations/contacts?limit=2&after=${first.body.paging.next.after}`);
  assert.deepEqual(second.body.results.map((r: { toObjectId: number }) => String(r.toObjectId)), [contacts[2]]);
  assert.equal(second.body.paging, undefined);
});

test("batch sizes above HubSpot's limits are refused", async () => {
  const api = emulatorApi({ limits: { associationReadMaxInputs: 2, associationWriteMaxInputs: 2 } });
  const read = await api.call("POST", "/crm/v4/associations/deals/contacts/batch/read", { inputs: [{ id: "1" }, { id: "2" }, { id: "3" }] });
  assert.equal(read.status, 400);
  const write = await api.call("POST", "/crm/v4/associations/deals/contacts/batch/associate/default", { inputs: [1, 2, 3].map((n) => ({ from: { id: String(n) }, to: { id: String(n) } })) });
  assert.equal(write.status, 400);
});

test("DELETE and batch archive remove the pair in both directions; labels/archive removes only the named labels", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const [c1, c2, c3] = records(api, "companies", 3);
  for (const company of [c1, c2, c3]) {
    await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, company === c1 ? [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }] : []);
  }
  const deleted = await api.call("DELETE", `/crm/v4/objects/contacts/${contact}/associations/companies/${c2}`);
  assert.equal(deleted.status, 204);
  const fromC2 = await api.call("GET", `/crm/v4/objects/companies/${c2}/associations/contacts`);
  assert.deepEqual(fromC2.body.results, []);

  const labelsOnly = await api.call("POST", "/crm/v4/associations/contacts/companies/batch/labels/archive", {
    inputs: [{ from: { id: contact }, to: { id: c1 }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }] }],
  });
  assert.equal(labelsOnly.status, 204);
  const afterLabels = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(afterLabels.body.results.map((r: { toObjectId: number; associationTypes: Array<{ typeId: number }> }) => [String(r.toObjectId), typeIdsOf(r)]), [[c1, [279]], [c3, [279]]]);

  const removeDefault = await api.call("POST", "/crm/v4/associations/contacts/companies/batch/labels/archive", {
    inputs: [{ from: { id: contact }, to: { id: c3 }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 279 }] }],
  });
  assert.equal(removeDefault.status, 204);
  const archived = await api.call("POST", "/crm/v4/associations/contacts/companies/batch/archive", { inputs: [{ from: { id: contact }, to: [{ id: c1 }] }] });
  assert.equal(archived.status, 204);
  const none = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(none.body.results, []);
  const fromC1 = await api.call("GET", `/crm/v4/objects/companies/${c1}/associations/contacts`);
  assert.deepEqual(fromC1.body.results, []);
});

test("reads need read scope on both types; writes need write scope on the from type", async () => {
  const api = emulatorApi();
  const state = api.emulator.parts.state;
  const limited = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.companies.read"]).token;
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  const write = await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/default/companies/${company}`, undefined, { token: limited });
  assert.equal(write.status, 200);
  const reverseWrite = await api.call("PUT", `/crm/v4/objects/companies/${company}/associations/default/contacts/${contact}`, undefined, { token: limited });
  assert.equal(reverseWrite.status, 403);
  assert.equal(reverseWrite.body.category, "MISSING_SCOPES");
  const dealRead = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/deals`, undefined, { token: limited });
  assert.equal(dealRead.status, 403);
});

test("archived records' associations are hidden while archived and come back on restore", async () => {
  const api = emulatorApi();
  const portal = api.emulator.parts.state.defaultPortal;
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/default/companies/${company}`);
  const companies = portal.store(portal.resolveType("companies"));
  const record = companies.get(company ?? "");
  assert.ok(record);
  companies.archive(record, source, Date.now());
  const hidden = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.deepEqual(hidden.body.results, []);
  companies.restore(record, source, Date.now());
  const back = await api.call("GET", `/crm/v4/objects/contacts/${contact}/associations/companies`);
  assert.equal(back.body.results.length, 1);
});

test("GET /crm/v3/objects/contacts/{id}?associations=companies shows each type on the pair in v3 names", async () => {
  const api = emulatorApi();
  const [contact] = records(api, "contacts", 1);
  const [company] = records(api, "companies", 1);
  await api.call("PUT", `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }]);
  const read = await api.call("GET", `/crm/v3/objects/contacts/${contact}?associations=companies,deals`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.associations, {
    companies: { results: [{ id: company, type: "contact_to_company" }, { id: company, type: "contact_to_company_unlabeled" }] },
  });
});
