import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "@hubspot/api-client";
import { suiteEmulator } from "../../../test/conformance/running-emulator.ts";

// The official SDK as a conformance client for the webhooks management API (developer API key auth).
const hub = suiteEmulator();

/** A client holding only the developer API key, and the app it manages. */
function developer(): { client: Client; appId: number } {
  const { appId, developerApiKey } = hub.emulator.info();
  return { client: hub.clientWith({ developerApiKey }), appId };
}

test("the SDK configures, reads and clears webhook settings", async () => {
  const { client, appId } = developer();
  const configured = await client.webhooks.settingsApi.configure(appId, { targetUrl: "https://example.test/hooks", throttling: { maxConcurrentRequests: 8 } });
  assert.equal(configured.targetUrl, "https://example.test/hooks");
  assert.equal(configured.throttling.maxConcurrentRequests, 8);
  assert.ok(configured.createdAt instanceof Date);
  const read = await client.webhooks.settingsApi.getAll(appId);
  assert.equal(read.targetUrl, "https://example.test/hooks");
  await client.webhooks.settingsApi.clear(appId);
  await assert.rejects(client.webhooks.settingsApi.getAll(appId), (error: { code?: number }) => error.code === 404);
});

test("the SDK creates, lists, updates, batch-updates and archives subscriptions", async () => {
  const { client, appId } = developer();
  const created = await client.webhooks.subscriptionsApi.create(appId, { eventType: "contact.propertyChange" as never, propertyName: "email", active: true });
  assert.equal(created.eventType, "contact.propertyChange");
  assert.equal(created.propertyName, "email");
  assert.ok(created.createdAt instanceof Date);
  const id = Number(created.id);

  const all = await client.webhooks.subscriptionsApi.getAll(appId);
  assert.deepEqual(all.results.map((s) => s.id), [created.id]);
  const paused = await client.webhooks.subscriptionsApi.update(id, appId, { active: false });
  assert.equal(paused.active, false);
  const batch = await client.webhooks.subscriptionsApi.updateBatch(appId, { inputs: [{ id, active: true }] });
  assert.equal(batch.results[0]?.active, true);
  assert.equal((await client.webhooks.subscriptionsApi.getById(id, appId)).active, true);

  await client.webhooks.subscriptionsApi.archive(id, appId);
  await assert.rejects(client.webhooks.subscriptionsApi.getById(id, appId), (error: { code?: number }) => error.code === 404);
  await assert.rejects(
    client.webhooks.subscriptionsApi.create(appId, { eventType: "contact.propertyChange" as never }),
    (error: { code?: number; body?: { category?: string } }) => error.code === 400 && error.body?.category === "VALIDATION_ERROR",
  );
});
