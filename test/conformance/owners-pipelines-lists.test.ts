import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runningEmulator, sdkError, suiteEmulator, type RunningEmulator } from "./running-emulator.ts";

describe("conformance: owners through crm.owners.ownersApi", () => {
  let hub: RunningEmulator;
  before(async () => {
    hub = await runningEmulator();
    const owners = hub.emulator.parts.state.defaultPortal.owners;
    for (let i = 0; i < 3; i += 1) owners.create({ email: `rep${i}@owners.example`, firstName: `Rep${i}`, lastName: "Seller" });
  });
  after(() => hub.close());

  test("getPage (the SDK calls /crm/v3/owners/ with a trailing slash) pages through every owner", async () => {
    const owners = hub.client.crm.owners.ownersApi;
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await owners.getPage(undefined, after, 2);
      assert.ok(page.results.length <= 2);
      seen.push(...page.results.map((o) => o.id));
      after = page.paging?.next?.after;
    } while (after !== undefined);
    assert.equal(seen.length, 4);
    assert.equal(new Set(seen).size, 4);
    const first = (await owners.getPage()).results[0]!;
    assert.match(first.id, /^\d+$/);
    assert.equal(typeof first.userId, "number");
    assert.notEqual(String(first.userId), first.id, "owner ids and user ids are different numbers");
    assert.ok(first.email?.includes("@"));
  });

  test("getPage filtered by email, getById, and hubspot_owner_id validated against owners", async () => {
    const owners = hub.client.crm.owners.ownersApi;
    const found = await owners.getPage("rep1@owners.example");
    assert.deepEqual(found.results.map((o) => o.firstName), ["Rep1"]);
    const owner = found.results[0]!;
    assert.equal((await owners.getById(Number(owner.id))).email, "rep1@owners.example");
    assert.equal((await owners.getById(owner.userId!, "userId")).id, owner.id);

    const contact = await hub.client.crm.contacts.basicApi.create({ properties: { email: "owned@example.com", hubspot_owner_id: owner.id }, associations: [] });
    assert.equal(contact.properties["hubspot_owner_id"], owner.id);
    const refused = await sdkError(() => hub.client.crm.contacts.basicApi.update(contact.id, { properties: { hubspot_owner_id: "1" } }));
    assert.equal(refused.code, 400);
    assert.equal(refused.body.category, "VALIDATION_ERROR");
  });
});

describe("conformance: pipelines through crm.pipelines.pipelinesApi", () => {
  const hub = suiteEmulator();

  test("deals: the default pipeline, stages in order, closed stages carry isClosed 'true' (a string)", async () => {
    const answer = await hub.client.crm.pipelines.pipelinesApi.getAll("deals");
    const pipeline = answer.results.find((p) => p.id === "default");
    assert.ok(pipeline);
    const stages = [...pipeline.stages].sort((a, b) => a.displayOrder - b.displayOrder);
    assert.equal(stages[0]?.id, "appointmentscheduled");
    const closed = Object.fromEntries(stages.map((s) => [s.id, s.metadata?.["isClosed"]]));
    assert.equal(closed["closedwon"], "true");
    assert.equal(closed["closedlost"], "true");
    assert.equal(closed["appointmentscheduled"], "false");
    assert.equal(typeof stages[0]?.metadata?.["probability"], "string");
    const one = await hub.client.crm.pipelines.pipelinesApi.getById("deals", "default");
    assert.equal(one.stages.length, stages.length);
  });

  test("tickets: stages carry ticketState and isClosed", async () => {
    const answer = await hub.client.crm.pipelines.pipelinesApi.getAll("tickets");
    assert.ok(answer.results.length >= 1);
    const stages = answer.results[0]!.stages;
    assert.ok(stages.some((s) => s.metadata?.["ticketState"] === "CLOSED" && s.metadata["isClosed"] === "true"));
    assert.ok(stages.some((s) => s.metadata?.["ticketState"] === "OPEN" && s.metadata["isClosed"] === "false"));
    // A ticket in the pipeline's first stage is accepted; a stage of another pipeline is not.
    const ticket = await hub.client.crm.tickets.basicApi.create({
      properties: { subject: "Printer on fire", hs_pipeline: answer.results[0]!.id, hs_pipeline_stage: stages[0]!.id },
      associations: [],
    });
    assert.equal(ticket.properties["hs_pipeline_stage"], stages[0]!.id);
    const refused = await sdkError(() => hub.client.crm.tickets.basicApi.update(ticket.id, { properties: { hs_pipeline_stage: "closedwon" } }));
    assert.equal(refused.code, 400);
  });

  test("an unknown pipeline is a 404", async () => {
    assert.equal((await sdkError(() => hub.client.crm.pipelines.pipelinesApi.getById("deals", "nope"))).code, 404);
  });
});

describe("conformance: lists through crm.lists", () => {
  let hub: RunningEmulator;
  const contactIds: string[] = [];
  before(async () => {
    hub = await runningEmulator();
    const answer = await hub.client.crm.contacts.batchApi.create({
      inputs: Array.from({ length: 5 }, (_, i) => ({ properties: { email: `member${i}@lists.example` }, associations: [] })),
    });
    contactIds.push(...answer.results.map((r) => r.id).sort((a, b) => Number(a) - Number(b)));
  });
  after(() => hub.close());

  test("create a MANUAL list, add memberships, read them back, get it by name", async () => {
    const created = await hub.client.crm.lists.listsApi.create({ name: "Conformance VIPs", objectTypeId: "0-1", processingType: "MANUAL" });
    const listId = created.list.listId;
    assert.match(listId, /^\d+$/);
    assert.equal(created.list.name, "Conformance VIPs");
    assert.equal(created.list.processingType, "MANUAL");

    const added = await hub.client.crm.lists.membershipsApi.add(listId, [...contactIds.slice(0, 3), "999999999"]);
    assert.deepEqual([...added.recordsIdsAdded].sort(), contactIds.slice(0, 3).sort());
    assert.deepEqual(added.recordIdsMissing, ["999999999"]);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await hub.client.crm.lists.membershipsApi.getPage(listId, after, undefined, 2);
      seen.push(...page.results.map((m) => m.recordId));
      after = page.paging?.next?.after;
    } while (after !== undefined);
    assert.deepEqual(seen.sort(), contactIds.slice(0, 3).sort());

    const byName = await hub.client.crm.lists.listsApi.getByName("Conformance VIPs", "0-1");
    assert.equal(byName.list.listId, listId);
    const byId = await hub.client.crm.lists.listsApi.getById(listId);
    assert.equal(byId.list.name, "Conformance VIPs");

    const removed = await hub.client.crm.lists.membershipsApi.remove(listId, [contactIds[0]!]);
    assert.deepEqual(removed.recordIdsRemoved, [contactIds[0]]);
    const after2 = await hub.client.crm.lists.membershipsApi.getPage(listId);
    assert.deepEqual(after2.results.map((m) => m.recordId).sort(), contactIds.slice(1, 3).sort());
  });

  test("an unknown list name is a 404", async () => {
    assert.equal((await sdkError(() => hub.client.crm.lists.listsApi.getByName("No such list", "0-1"))).code, 404);
  });
});
