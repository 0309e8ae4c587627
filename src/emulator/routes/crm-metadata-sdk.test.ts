import assert from "node:assert/strict";
import { test } from "node:test";
import { suiteEmulator } from "../../../test/conformance/running-emulator.ts";

// The official SDK as a conformance client for owners, pipelines and lists.
const hub = suiteEmulator();

test("the SDK pages owners (trailing-slash path) and reads one by id and userId", async () => {
  const owners = hub.emulator.parts.state.defaultPortal.owners;
  for (let i = 0; i < 4; i++) owners.create({ email: `sdk${i}@example.com`, firstName: "Sdk", lastName: String(i) });
  const first = await hub.client.crm.owners.ownersApi.getPage(undefined, undefined, 3);
  assert.equal(first.results.length, 3);
  assert.ok(first.results[0]?.createdAt instanceof Date);
  const afterCursor = first.paging?.next?.after;
  assert.ok(afterCursor !== undefined);
  const second = await hub.client.crm.owners.ownersApi.getPage(undefined, afterCursor, 3);
  assert.equal(second.results.length, 2);
  assert.equal(second.paging, undefined);
  const owner = first.results[0]!;
  assert.equal((await hub.client.crm.owners.ownersApi.getById(Number(owner.id))).email, owner.email);
  assert.equal((await hub.client.crm.owners.ownersApi.getById(owner.userId ?? 0, "userId")).id, owner.id);
});

test("the SDK reads pipelines and adds a stage", async () => {
  const { results } = await hub.client.crm.pipelines.pipelinesApi.getAll("deals");
  assert.equal(results[0]?.id, "default");
  assert.equal(results[0]?.stages.find((s) => s.id === "closedwon")?.metadata?.["isClosed"], "true");
  const stage = await hub.client.crm.pipelines.pipelineStagesApi.create("deals", "default", { label: "SDK stage", displayOrder: 7, metadata: { probability: "0.3" } });
  assert.ok(stage.createdAt instanceof Date);
  const tickets = await hub.client.crm.pipelines.pipelinesApi.getById("tickets", "0");
  assert.deepEqual(tickets.stages.map((s) => s.id), ["1", "2", "3", "4"]);
});

test("the SDK creates a list, adds members and reads them back", async () => {
  const portal = hub.emulator.parts.state.defaultPortal;
  const contacts = portal.store(portal.resolveType("contacts"));
  const ids = [1, 2, 3].map(() => contacts.create({}, { sourceType: "API" }, Date.now()).id);
  const { list } = await hub.client.crm.lists.listsApi.create({ name: "SDK list", objectTypeId: "0-1", processingType: "MANUAL" });
  assert.equal(list.processingType, "MANUAL");
  const change = await hub.client.crm.lists.membershipsApi.add(list.listId, [...ids, "123456789"]);
  assert.deepEqual(change.recordsIdsAdded, ids);
  assert.deepEqual(change.recordIdsMissing, ["123456789"]);
  const page = await hub.client.crm.lists.membershipsApi.getPage(list.listId, undefined, undefined, 2);
  assert.deepEqual(page.results.map((m) => m.recordId), ids.slice(0, 2));
  assert.ok(page.results[0]?.membershipTimestamp instanceof Date);
  const rest = await hub.client.crm.lists.membershipsApi.getPage(list.listId, page.paging?.next?.after, undefined, 2);
  assert.deepEqual(rest.results.map((m) => m.recordId), ids.slice(2));
  const byName = await hub.client.crm.lists.listsApi.getByName("SDK list", "0-1");
  assert.equal(byName.list.listId, list.listId);
  const search = await hub.client.crm.lists.listsApi.doSearch({ query: "SDK", offset: 0, additionalProperties: [] } as never);
  assert.equal(search.lists[0]?.additionalProperties["hs_list_size"], "3");
  const byIds = await hub.client.crm.lists.listsApi.getAll([list.listId]);
  assert.equal(byIds.lists[0]?.size, 3);
});
