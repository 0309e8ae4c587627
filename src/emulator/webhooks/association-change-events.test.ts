import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { recordingReceiver } from "../../../test/support/recording-receiver.ts";
import type { WriteSource } from "../state/stored-record.ts";
import type { WebhookEvent } from "./webhook-event.ts";

const integration: WriteSource = { sourceType: "INTEGRATION", sourceId: "42" };

async function setup(eventTypes: string[]) {
  const receiver = recordingReceiver();
  const api = emulatorApi({ webhookFetch: receiver.fetch });
  const { emulator } = api;
  const state = emulator.parts.state;
  state.clock.freeze(true);
  const { appId, developerApiKey } = emulator.info();
  const hooks = (method: string, path: string, body?: unknown) => api.call(method, `/webhooks/v3/${appId}${path}?hapikey=${developerApiKey}`, body, { token: null });
  await hooks("PUT", "/settings", { targetUrl: "https://receiver.test/hooks", throttling: { period: "SECONDLY", maxConcurrentRequests: 10 } });
  for (const eventType of eventTypes) assert.equal((await hooks("POST", "/subscriptions", { eventType, active: true })).status, 201);
  const portal = state.defaultPortal;
  const type = (name: string) => portal.resolveType(name);
  const create = (name: string) => portal.store(type(name)).create({}, integration, state.clock.now());
  return { state, portal, type, create, receiver, dispatcher: emulator.parts.webhooks };
}

const shape = (e: WebhookEvent) => [e.subscriptionType, e.associationType, e.fromObjectId, e.toObjectId, e.associationRemoved, e.isPrimaryAssociation];

test("a primary contact→company association fires, for each end, its unlabelled and its primary change", async () => {
  const { state, portal, type, create, receiver, dispatcher } = await setup(["contact.associationChange", "company.associationChange"]);
  const contact = create("contacts");
  const company = create("companies");
  const at = state.clock.now();
  portal.associations.associate(type("contacts"), contact.id, type("companies"), company.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 1 }], integration, at);
  await dispatcher.deliverDue();
  const c = Number(contact.id);
  const k = Number(company.id);
  assert.deepEqual(receiver.events().map(shape).sort(), [
    ["company.associationChange", "COMPANY_TO_CONTACT", k, c, false, false],
    ["company.associationChange", "COMPANY_TO_CONTACT", k, c, false, true],
    ["contact.associationChange", "CONTACT_TO_COMPANY", c, k, false, false],
    ["contact.associationChange", "CONTACT_TO_COMPANY", c, k, false, true],
  ]);
  const [first] = receiver.events();
  assert.equal(first?.occurredAt, at);
  assert.equal(first?.changeSource, "INTEGRATION");
  assert.equal(first?.sourceId, "42");
  assert.equal(first?.attemptNumber, 0);
  assert.equal("objectId" in (first ?? {}), false, "associationChange names both ends instead of objectId");
});

test("removing a pair fires associationRemoved: true, and only subscribed ends hear of it", async () => {
  const { state, portal, type, create, receiver, dispatcher } = await setup(["deal.associationChange"]);
  const deal = create("deals");
  const contact = create("contacts");
  portal.associations.associateDefault(type("deals"), deal.id, type("contacts"), contact.id, integration, state.clock.now());
  portal.associations.removePair(type("contacts"), contact.id, type("deals"), deal.id, { sourceType: "CRM_UI" }, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map(shape), [
    ["deal.associationChange", "DEAL_TO_CONTACT", Number(deal.id), Number(contact.id), false, false],
    ["deal.associationChange", "DEAL_TO_CONTACT", Number(deal.id), Number(contact.id), true, false],
  ]);
  assert.equal(receiver.events()[1]?.changeSource, "CRM_UI");
});

test("company hierarchy changes name the parent and child roles", async () => {
  const { state, portal, type, create, receiver, dispatcher } = await setup(["company.associationChange"]);
  const parent = create("companies");
  const child = create("companies");
  portal.associations.associate(type("companies"), parent.id, type("companies"), child.id, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 13 }], integration, state.clock.now());
  await dispatcher.deliverDue();
  const names = receiver.events().map((e) => [e.associationType, e.fromObjectId]).sort();
  assert.deepEqual(names, [
    ["CHILD_COMPANY_TO_PARENT_COMPANY", Number(child.id)],
    ["COMPANY_TO_COMPANY", Number(parent.id)],
    ["COMPANY_TO_COMPANY", Number(child.id)],
    ["PARENT_COMPANY_TO_CHILD_COMPANY", Number(parent.id)],
  ]);
});

test("associations with objects webhooks do not cover, and those of uninstalled portals, fire nothing", async () => {
  const { state, portal, type, create, receiver, dispatcher } = await setup(["contact.associationChange"]);
  const contact = create("contacts");
  const note = create("notes");
  portal.associations.associateDefault(type("notes"), note.id, type("contacts"), contact.id, integration, state.clock.now());
  const other = state.addPortal(77_000_001, "starter");
  const a = other.store(other.resolveType("contacts")).create({}, integration, state.clock.now());
  const b = other.store(other.resolveType("contacts")).create({}, integration, state.clock.now());
  other.associations.associateDefault(other.resolveType("contacts"), a.id, other.resolveType("contacts"), b.id, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 0);
});

test("a merge fires the merge event, not associationChange events for the pairs it re-points", async () => {
  const { state, portal, type, create, receiver, dispatcher } = await setup(["contact.associationChange", "contact.merge"]);
  const primary = create("contacts");
  const loser = create("contacts");
  const company = create("companies");
  portal.associations.associateDefault(type("contacts"), loser.id, type("companies"), company.id, integration, state.clock.now());
  const contacts = portal.store(type("contacts"));
  const survivor = contacts.merge(primary, loser, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map((e) => e.subscriptionType), ["contact.associationChange", "contact.merge"]);
  assert.equal(receiver.events()[1]?.newObjectId, Number(survivor.id));
  assert.equal(portal.associations.targets(type("contacts"), survivor.id, type("companies")).length, 1, "the pair did move to the survivor");
});
