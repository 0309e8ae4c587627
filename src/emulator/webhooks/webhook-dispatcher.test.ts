import { Signature } from "@hubspot/api-client";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { recordingReceiver, type ReceiverBehaviour } from "../../../test/support/recording-receiver.ts";
import type { EmulatorOptionsInput } from "../options.ts";
import type { Portal } from "../state/portal.ts";
import type { WriteSource } from "../state/stored-record.ts";
import { retryDelayMs } from "./retry-delay.ts";

const TARGET = "https://receiver.test/hubspot/webhooks?tenant=a";
const integration: WriteSource = { sourceType: "INTEGRATION", sourceId: "777" };

async function setup(options: { behaviour?: ReceiverBehaviour; maxConcurrentRequests?: number } & EmulatorOptionsInput = {}) {
  const { behaviour, maxConcurrentRequests = 10, ...emulatorOptions } = options;
  const receiver = recordingReceiver(behaviour);
  const api = emulatorApi({ webhookFetch: receiver.fetch, ...emulatorOptions });
  const { emulator } = api;
  const state = emulator.parts.state;
  state.clock.freeze(true);
  const { appId, developerApiKey } = emulator.info();
  const hooks = (method: string, path: string, body?: unknown) =>
    api.call(method, `/webhooks/v3/${appId}${path}?hapikey=${developerApiKey}`, body, { token: null });
  const put = await hooks("PUT", "/settings", { targetUrl: TARGET, throttling: { period: "SECONDLY", maxConcurrentRequests } });
  assert.equal(put.status, 200);
  const subscribe = async (eventType: string, propertyName?: string, active = true): Promise<number> => {
    const answer = await hooks("POST", "/subscriptions", propertyName === undefined ? { eventType, active } : { eventType, propertyName, active });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return Number(answer.body.id);
  };
  const storeOf = (portal: Portal, type: string) => portal.store(portal.resolveType(type));
  const contacts = storeOf(state.defaultPortal, "contacts");
  const dispatcher = emulator.parts.webhooks;
  return { api, emulator, state, receiver, hooks, subscribe, storeOf, contacts, dispatcher, appId, secret: emulator.info().clientSecret };
}

test("creation, propertyChange and deletion of a contact arrive in one batch with HubSpot's fields", async () => {
  const { state, receiver, subscribe, contacts, dispatcher, appId } = await setup();
  const creation = await subscribe("contact.creation");
  const change = await subscribe("contact.propertyChange", "firstname");
  const deletion = await subscribe("contact.deletion");

  const createdAt = state.clock.now();
  const record = contacts.create({ email: "ada@example.com", firstname: "Ada" }, integration, createdAt);
  state.clock.advance(1_000);
  contacts.update(record, { firstname: "Augusta" }, { sourceType: "CRM_UI" }, state.clock.now());
  state.clock.advance(1_000);
  contacts.archive(record, { sourceType: "IMPORT" }, state.clock.now());

  assert.equal(receiver.requests.length, 0, "nothing is sent before deliverDue");
  const report = await dispatcher.deliverDue();
  assert.deepEqual(report, { delivered: 3, failed: 0, pending: 0 });
  assert.equal(receiver.requests.length, 1);
  const [request] = receiver.requests;
  assert.equal(request?.url, TARGET);
  assert.equal(request?.headers.get("content-type"), "application/json");
  assert.ok(Array.isArray(JSON.parse(request?.body ?? "")));

  const events = receiver.events();
  const common = { portalId: state.defaultPortal.id, appId, attemptNumber: 0, objectId: Number(record.id) };
  assert.deepEqual(events.map(({ eventId: _id, ...rest }) => rest), [
    { subscriptionId: creation, occurredAt: createdAt, subscriptionType: "contact.creation", ...common, changeSource: "INTEGRATION", sourceId: "777", changeFlag: "NEW" },
    { subscriptionId: change, occurredAt: createdAt + 1_000, subscriptionType: "contact.propertyChange", ...common, propertyName: "firstname", propertyValue: "Augusta", changeSource: "CRM_UI" },
    { subscriptionId: deletion, occurredAt: createdAt + 2_000, subscriptionType: "contact.deletion", ...common, changeSource: "IMPORT", changeFlag: "DELETED" },
  ]);
  const ids = events.map((e) => e.eventId);
  assert.ok(ids.every((id) => Number.isInteger(id)));
  assert.equal(new Set(ids).size, 3);
  assert.equal(dispatcher.counters().delivered, 3);
});

test("only subscribed, active properties produce propertyChange events", async () => {
  const { state, receiver, subscribe, hooks, contacts, dispatcher } = await setup();
  await subscribe("contact.propertyChange", "lastname");
  const paused = await subscribe("contact.propertyChange", "phone", false);
  const record = contacts.create({ firstname: "A", lastname: "B" }, integration, state.clock.now());
  contacts.update(record, { firstname: "C", lastname: "D", phone: "1" }, integration, state.clock.now());
  contacts.update(record, { firstname: "E" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map((e) => [e.propertyName, e.propertyValue]), [["lastname", "D"]]);

  await hooks("PATCH", `/subscriptions/${paused}`, { active: true });
  contacts.update(record, { phone: "2" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map((e) => [e.propertyName, e.propertyValue]), [["lastname", "D"], ["phone", "2"]]);
});

test("events of other object types go to their own subscriptions only", async () => {
  const { state, receiver, subscribe, storeOf, dispatcher } = await setup();
  await subscribe("line_item.creation");
  storeOf(state.defaultPortal, "deals").create({ dealname: "D" }, integration, state.clock.now());
  const item = storeOf(state.defaultPortal, "line_items").create({ name: "L" }, integration, state.clock.now());
  storeOf(state.defaultPortal, "notes").create({ hs_note_body: "n" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map((e) => [e.subscriptionType, e.objectId]), [["line_item.creation", Number(item.id)]]);
});

test("batches are split at webhookBatchMax, every request a JSON array, every event sent once", async () => {
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({ limits: { webhookBatchMax: 3 } });
  await subscribe("contact.creation");
  for (let i = 0; i < 7; i++) contacts.create({ email: `c${i}@example.com` }, integration, state.clock.now());
  const report = await dispatcher.deliverDue();
  assert.equal(report.delivered, 7);
  assert.deepEqual(receiver.requests.map((r) => r.events.length).sort(), [1, 3, 3]);
  assert.equal(new Set(receiver.events().map((e) => e.eventId)).size, 7);
  assert.equal(new Set(receiver.events().map((e) => e.objectId)).size, 7);
});

test("no more than maxConcurrentRequests deliveries are in flight at once", async () => {
  let inFlight = 0;
  let most = 0;
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({
    limits: { webhookBatchMax: 1 },
    maxConcurrentRequests: 2,
    behaviour: async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return 200;
    },
  });
  await subscribe("contact.creation");
  for (let i = 0; i < 6; i++) contacts.create({}, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 6);
  assert.equal(most, 2);
});

test("v1 and v3 signatures verify, by recomputation and with the SDK's Signature.isValid", async () => {
  const { state, receiver, subscribe, contacts, dispatcher, secret } = await setup();
  await subscribe("contact.creation");
  contacts.create({ email: "sig@example.com" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  const request = receiver.requests[0];
  assert.ok(request);
  const timestamp = request.headers.get("x-hubspot-request-timestamp") ?? "";
  assert.equal(timestamp, String(state.clock.now()));
  const v1 = request.headers.get("x-hubspot-signature") ?? "";
  const v3 = request.headers.get("x-hubspot-signature-v3") ?? "";
  assert.equal(request.headers.get("x-hubspot-signature-version"), "v1");
  assert.equal(v1, createHash("sha256").update(secret + request.body).digest("hex"));
  assert.equal(v3, createHmac("sha256", secret).update(`POST${TARGET}${request.body}${timestamp}`).digest("base64"));

  assert.equal(Signature.isValid({ signatureVersion: "v1", signature: v1, clientSecret: secret, requestBody: request.body }), true);
  assert.equal(Signature.isValid({ signatureVersion: "v3", signature: v3, clientSecret: secret, requestBody: request.body, url: TARGET, method: "POST", timestamp: Number(timestamp) }), true);
  assert.equal(Signature.isValid({ signatureVersion: "v3", signature: v3, clientSecret: "wrong-secret", requestBody: request.body, url: TARGET, method: "POST", timestamp: Number(timestamp) }), false);
  assert.equal(Signature.isValid({ signatureVersion: "v3", signature: v3, clientSecret: secret, requestBody: `${request.body} `, url: TARGET, method: "POST", timestamp: Number(timestamp) }), false);
});

test("a receiver failing twice then succeeding gets the events with attemptNumber 2, and never again", async () => {
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({
    behaviour: (n) => {
      if (n === 1) return 500;
      if (n === 2) throw new TypeError("fetch failed");
      return 200;
    },
  });
  await subscribe("contact.creation");
  const record = contacts.create({}, integration, state.clock.now());
  const maxAttempts = state.options.limits.webhookMaxAttempts;

  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 0, failed: 1, pending: 1 });
  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 0, failed: 0, pending: 1 }, "not due before the back-off");
  assert.equal(receiver.requests.length, 1);

  state.clock.advance(retryDelayMs(1, maxAttempts) - 1);
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 1, "still inside the first back-off");
  state.clock.advance(1);
  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 0, failed: 1, pending: 1 });

  state.clock.advance(retryDelayMs(2, maxAttempts));
  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 1, failed: 0, pending: 0 });
  assert.deepEqual(receiver.events().map((e) => e.attemptNumber), [0, 1, 2]);
  assert.equal(new Set(receiver.events().map((e) => e.eventId)).size, 1, "a retry is the same event");
  assert.equal(receiver.events()[2]?.objectId, Number(record.id));

  state.clock.advance(48 * 3600 * 1000);
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 3, "nothing is delivered twice after success");
  const counters = dispatcher.counters();
  assert.equal(counters.delivered, 1);
  assert.equal(counters.failedAttempts, 2);
  assert.equal(counters.dropped, 0);
  assert.equal(counters.pending, 0);
});

test("an event failing webhookMaxAttempts times is dropped and counted; the attempts span about a day", async () => {
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({ behaviour: () => 404 });
  await subscribe("contact.creation");
  contacts.create({}, integration, state.clock.now());
  const start = state.clock.now();
  for (let attempt = 0; attempt < 10; attempt++) {
    const queued = dispatcher.queued();
    assert.equal(queued.length, 1);
    state.clock.set(queued[0]?.dueAt ?? 0);
    await dispatcher.deliverDue();
  }
  assert.equal(receiver.requests.length, 10);
  assert.deepEqual(receiver.events().map((e) => e.attemptNumber), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const span = state.clock.now() - start;
  assert.ok(span > 20 * 3600 * 1000 && span <= 24 * 3600 * 1000, `span ${span} ms`);
  assert.deepEqual(dispatcher.counters(), { generated: 1, delivered: 0, failedAttempts: 10, failedRequests: 10, dropped: 1, pending: 0 });
  state.clock.advance(48 * 3600 * 1000);
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 10);
});

test("a receiver that does not answer in time is a failed attempt, retried later", async () => {
  let calls = 0;
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({
    behaviour: () => (++calls === 1 ? new Promise<number>(() => {}) : 200),
  });
  dispatcher.timeoutMs = 20;
  await subscribe("contact.creation");
  contacts.create({}, integration, state.clock.now());
  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 0, failed: 1, pending: 1 });
  state.clock.advance(retryDelayMs(1, state.options.limits.webhookMaxAttempts));
  assert.deepEqual(await dispatcher.deliverDue(), { delivered: 1, failed: 0, pending: 0 });
  assert.deepEqual(receiver.events().map((e) => e.attemptNumber), [0, 1]);
});

test("portals without the app installed get no deliveries; installing it starts them", async () => {
  const { state, receiver, subscribe, storeOf, dispatcher } = await setup();
  await subscribe("company.creation");
  const other = state.addPortal(99_000_001, "starter");
  const companies = storeOf(other, "companies");
  companies.create({ name: "Quiet" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 0);
  assert.equal(dispatcher.counters().generated, 0);

  state.installedPortals.add(other.id);
  const loud = companies.create({ name: "Loud" }, integration, state.clock.now());
  await dispatcher.deliverDue();
  assert.deepEqual(receiver.events().map((e) => [e.portalId, e.objectId]), [[other.id, Number(loud.id)]]);
});

test("without webhook settings no events are generated; deleting settings drops what was waiting", async () => {
  const { state, receiver, subscribe, hooks, contacts, dispatcher } = await setup();
  await subscribe("contact.creation");
  await hooks("DELETE", "/settings");
  contacts.create({}, integration, state.clock.now());
  assert.equal(dispatcher.counters().generated, 0);

  await hooks("PUT", "/settings", { targetUrl: TARGET, throttling: { period: "SECONDLY", maxConcurrentRequests: 5 } });
  contacts.create({}, integration, state.clock.now());
  assert.equal(dispatcher.counters().pending, 1);
  await hooks("DELETE", "/settings");
  await dispatcher.deliverDue();
  assert.equal(receiver.requests.length, 0);
  assert.equal(dispatcher.counters().dropped, 1);
});

test("merge and restore events carry their ids and change flags", async () => {
  const { state, receiver, subscribe, contacts, dispatcher } = await setup();
  await subscribe("contact.merge");
  await subscribe("contact.restore");
  const primary = contacts.create({ email: "p@example.com" }, integration, state.clock.now());
  const loser = contacts.create({ email: "l@example.com" }, integration, state.clock.now());
  const survivor = contacts.merge(primary, loser, { sourceType: "CRM_UI", sourceId: "userId:5" }, state.clock.now());
  const archived = contacts.create({ email: "r@example.com" }, integration, state.clock.now());
  contacts.archive(archived, integration, state.clock.now());
  contacts.restore(archived, integration, state.clock.now());
  await dispatcher.deliverDue();
  const [merge, restore] = receiver.events();
  assert.equal(merge?.subscriptionType, "contact.merge");
  assert.equal(merge?.changeFlag, "MERGED");
  assert.equal(merge?.objectId, Number(primary.id));
  assert.equal(merge?.primaryObjectId, Number(primary.id));
  assert.deepEqual(merge?.mergedObjectIds, [Number(loser.id)]);
  assert.equal(merge?.newObjectId, Number(survivor.id));
  assert.equal(merge?.changeSource, "CRM_UI");
  assert.equal(merge?.sourceId, "userId:5");
  assert.equal(restore?.subscriptionType, "contact.restore");
  assert.equal(restore?.changeFlag, "RESTORED");
  assert.equal(restore?.objectId, Number(archived.id));
  assert.equal(receiver.events().length, 2);
});

test("concurrent deliverDue calls never send an event twice", async () => {
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({ limits: { webhookBatchMax: 2 } });
  await subscribe("contact.creation");
  for (let i = 0; i < 5; i++) contacts.create({}, integration, state.clock.now());
  const reports = await Promise.all([dispatcher.deliverDue(), dispatcher.deliverDue(), dispatcher.deliverDue()]);
  assert.equal(reports.reduce((sum, r) => sum + r.delivered, 0), 5);
  assert.equal(receiver.events().length, 5);
  assert.equal(new Set(receiver.events().map((e) => e.eventId)).size, 5);
});

test("start() delivers on a timer until stop()", async () => {
  let delivered: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (delivered = resolve));
  const { state, receiver, subscribe, contacts, dispatcher } = await setup({
    behaviour: () => {
      delivered();
      return 204;
    },
  });
  await subscribe("contact.creation");
  contacts.create({}, integration, state.clock.now());
  // The dispatcher's timer is unref'd by design; this one keeps the test's event loop alive.
  const keepAlive = setTimeout(() => assert.fail("no delivery within 5 s"), 5_000);
  dispatcher.start(1);
  try {
    await arrived;
  } finally {
    dispatcher.stop();
    clearTimeout(keepAlive);
  }
  assert.equal(receiver.requests.length, 1);
});

test("retry delays double and 10 attempts span about 24 hours", () => {
  const delays = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, 10));
  for (let i = 1; i < delays.length; i++) assert.ok(Math.abs((delays[i] ?? 0) - 2 * (delays[i - 1] ?? 0)) <= 1);
  const total = delays.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 24 * 3600 * 1000) < 10, `total ${total}`);
});
