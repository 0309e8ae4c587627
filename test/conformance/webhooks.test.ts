import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { serve, type ServerType } from "@hono/node-server";
import { Client, Signature } from "@hubspot/api-client";
import { SubscriptionCreateRequestEventTypeEnum } from "@hubspot/api-client/lib/codegen/webhooks/index.js";
import { Hono } from "hono";
import { runningEmulator, type RunningEmulator } from "./running-emulator.ts";

interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** A tiny app that receives webhooks as a user's would: raw body and headers kept, 204 answered unless told to fail. */
async function startReceiver(): Promise<{ url: string; received: ReceivedRequest[]; failNext: (status: number) => void; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const failures: number[] = [];
  const app = new Hono();
  app.post("/hubspot/webhooks", async (c) => {
    received.push({ method: c.req.method, url: c.req.url, headers: Object.fromEntries(c.req.raw.headers), rawBody: await c.req.text() });
    const status = failures.shift();
    return status === undefined ? c.body(null, 204) : c.text("receiver broke", status as 500);
  });
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port));
  });
  return {
    url: `http://127.0.0.1:${port}/hubspot/webhooks`,
    received,
    failNext: (status) => failures.push(status),
    close: () => new Promise<void>((done) => server?.close(() => done())),
  };
}

/**
 * The event fields these tests read, written from HubSpot's docs rather than imported from the
 * emulator's own `WebhookEvent`: a conformance test must not take the emulator's word for the shape.
 */
interface DeliveredEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
}

describe("conformance: webhooks (subscribe through the SDK, verify with Signature.isValid)", () => {
  let hub: RunningEmulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let developer: Client;
  let appId: number;
  before(async () => {
    hub = await runningEmulator();
    receiver = await startReceiver();
    const info = hub.emulator.info();
    appId = info.appId;
    developer = new Client({ developerApiKey: info.developerApiKey, basePath: hub.url });
    await developer.webhooks.settingsApi.configure(appId, { targetUrl: receiver.url, throttling: { maxConcurrentRequests: 10 } });
    await developer.webhooks.subscriptionsApi.create(appId, { eventType: SubscriptionCreateRequestEventTypeEnum.ContactCreation, active: true });
    await developer.webhooks.subscriptionsApi.create(appId, { eventType: SubscriptionCreateRequestEventTypeEnum.ContactPropertyChange, propertyName: "firstname", active: true });
  });
  after(async () => {
    await hub.close();
    await receiver.close();
  });

  /** The control plane over HTTP, as a test harness outside the process would call it. */
  async function deliver(): Promise<{ delivered: number; failed: number; pending: number }> {
    const response = await fetch(`${hub.url}/__emulator/webhooks/deliver`, { method: "POST" });
    assert.equal(response.status, 200);
    return (await response.json()) as { delivered: number; failed: number; pending: number };
  }

  test("the subscriptions are listed back", async () => {
    const all = await developer.webhooks.subscriptionsApi.getAll(appId);
    assert.deepEqual(all.results.map((s) => s.eventType).sort(), ["contact.creation", "contact.propertyChange"]);
    const settings = await developer.webhooks.settingsApi.getAll(appId);
    assert.equal(settings.targetUrl, receiver.url);
  });

  test("a contact creation is delivered as a signed JSON array that the SDK's v3 check accepts", async () => {
    const contact = await hub.client.crm.contacts.basicApi.create({ properties: { email: "hook@example.com" }, associations: [] });
    const report = await deliver();
    assert.equal(report.delivered, 1);
    const request = receiver.received.at(-1)!;
    assert.equal(request.headers["content-type"]?.split(";")[0], "application/json");
    const events = JSON.parse(request.rawBody) as DeliveredEvent[];
    assert.ok(Array.isArray(events));
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event!.subscriptionType, "contact.creation");
    assert.equal(String(event!.objectId), contact.id);
    assert.equal(event!.portalId, hub.emulator.info().portalId);
    assert.equal(event!.appId, appId);
    assert.equal(event!.attemptNumber, 0);

    const signature = request.headers["x-hubspot-signature-v3"];
    const timestamp = Number(request.headers["x-hubspot-request-timestamp"]);
    assert.ok(signature);
    const { clientSecret } = hub.emulator.info();
    const check = { signatureVersion: "v3", signature, clientSecret, requestBody: request.rawBody, url: request.url, method: "POST", timestamp };
    assert.equal(Signature.isValid(check), true);
    // The signature covers the exact bytes: a re-serialised body or another secret fails.
    assert.equal(Signature.isValid({ ...check, requestBody: JSON.stringify(JSON.parse(request.rawBody), null, 1) }), false);
    assert.equal(Signature.isValid({ ...check, clientSecret: "not-the-secret" }), false);
    // v1 is sent too: hex sha256 of secret + body.
    assert.equal(Signature.isValid({ signatureVersion: "v1", signature: request.headers["x-hubspot-signature"] ?? "", clientSecret, requestBody: request.rawBody }), true);
  });

  test("a property change names the property and its new value", async () => {
    const contact = await hub.client.crm.contacts.basicApi.create({ properties: { email: "change@example.com" }, associations: [] });
    await deliver();
    await hub.client.crm.contacts.basicApi.update(contact.id, { properties: { firstname: "Grace" } });
    await deliver();
    const events = JSON.parse(receiver.received.at(-1)!.rawBody) as DeliveredEvent[];
    const change = events.find((e) => e.subscriptionType === "contact.propertyChange");
    assert.ok(change);
    assert.equal(String(change.objectId), contact.id);
    assert.equal(change.propertyName, "firstname");
    assert.equal(change.propertyValue, "Grace");
  });

  test("a failed delivery is retried later with a higher attemptNumber, signed again", async () => {
    await hub.client.crm.contacts.basicApi.create({ properties: { email: "retry@example.com" }, associations: [] });
    receiver.failNext(500);
    const first = await deliver();
    assert.equal(first.failed, 1);
    assert.equal(first.pending, 1);
    const failedEventId = (JSON.parse(receiver.received.at(-1)!.rawBody) as DeliveredEvent[])[0]!.eventId;
    // Not due yet: nothing is sent.
    const before = receiver.received.length;
    assert.equal((await deliver()).delivered, 0);
    assert.equal(receiver.received.length, before);
    hub.emulator.control.clock.advance(60 * 60 * 1000);
    const second = await deliver();
    assert.equal(second.delivered, 1);
    const request = receiver.received.at(-1)!;
    const retried = (JSON.parse(request.rawBody) as DeliveredEvent[])[0]!;
    assert.equal(retried.eventId, failedEventId);
    assert.equal(retried.attemptNumber, 1);
    // The retry's timestamp is the emulator's (an hour ahead); the signature itself still matches.
    const expected = Signature.getSignature("POST", "v3", {
      signature: "",
      clientSecret: hub.emulator.info().clientSecret,
      requestBody: request.rawBody,
      url: request.url,
      timestamp: Number(request.headers["x-hubspot-request-timestamp"]),
    });
    assert.equal(request.headers["x-hubspot-signature-v3"], expected);
  });
});
