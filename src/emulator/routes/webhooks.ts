import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, badRequest } from "../http/api-error.ts";
import { isObject, readBatchInputs, readJsonObject } from "../http/json-body.ts";
import type { EmulatorParts } from "../parts.ts";
import { parseActive, parseSettingsBody, parseSubscriptionBody, parseSubscriptionId } from "../webhooks/parse-webhook-requests.ts";
import { requireDeveloperKey } from "../webhooks/require-developer-key.ts";
import type { WebhookSubscription } from "../webhooks/webhook-subscriptions.ts";
import { settingsView, subscriptionView } from "../webhooks/webhook-views.ts";

/**
 * The webhooks v3 management API of the developer app: target URL and throttling
 * (`/settings`) and event subscriptions. Authenticated by the developer API key only.
 */
export function webhooksRoutes(app: Hono<EmulatorEnv>, parts: EmulatorParts): void {
  const subscriptions = parts.webhooks.subscriptions;
  const base = "/webhooks/v3/:appId";
  app.use(`${base}/*`, requireDeveloperKey());

  const subscriptionAt = (raw: string | undefined): WebhookSubscription => {
    const id = parseSubscriptionId(raw);
    const subscription = id === undefined ? undefined : subscriptions.get(id);
    if (subscription === undefined) throw new ApiError(404, "OBJECT_NOT_FOUND", `Subscription ${raw ?? ""} not found.`);
    return subscription;
  };

  app.get(`${base}/settings`, (c) => {
    const settings = subscriptions.settings;
    if (settings === undefined) throw new ApiError(404, "OBJECT_NOT_FOUND", `No webhook settings for app ${c.req.param("appId")}: PUT a targetUrl first.`);
    return c.json(settingsView(settings));
  });

  app.put(`${base}/settings`, async (c) => {
    const { targetUrl, throttling } = parseSettingsBody(await readJsonObject(c));
    return c.json(settingsView(subscriptions.putSettings(targetUrl, throttling)));
  });

  app.delete(`${base}/settings`, (c) => {
    subscriptions.clearSettings();
    return c.body(null, 204);
  });

  app.get(`${base}/subscriptions`, (c) => c.json({ results: subscriptions.list().map(subscriptionView) }));

  app.post(`${base}/subscriptions`, async (c) => {
    const input = parseSubscriptionBody(await readJsonObject(c));
    const existing = subscriptions.find(input.eventType, input.propertyName);
    if (existing !== undefined) {
      const what = input.propertyName === undefined ? input.eventType : `${input.eventType} (${input.propertyName})`;
      throw new ApiError(409, "CONFLICT", `A subscription for ${what} already exists: id ${existing.id}.`);
    }
    const subscription = subscriptions.create(input.eventType, input.type, input.propertyName, input.active);
    return c.json(subscriptionView(subscription), 201);
  });

  app.post(`${base}/subscriptions/batch/update`, async (c) => {
    const startedAt = new Date(parts.state.clock.now()).toISOString();
    const inputs = (await readBatchInputs(c, parts.state.options.limits.batchMaxInputs)).map((input, index) => {
      if (!isObject(input)) throw badRequest(`inputs[${index}] must be an object {id, active}.`);
      const id = parseSubscriptionId(input["id"]);
      if (id === undefined) throw badRequest(`inputs[${index}].id must be a subscription id.`);
      return { id, active: parseActive(input["active"]) };
    });
    const results: Array<Record<string, unknown>> = [];
    const errors: Array<Record<string, unknown>> = [];
    for (const { id, active } of inputs) {
      const subscription = subscriptions.get(id);
      if (subscription === undefined) {
        errors.push({ status: "error", category: "OBJECT_NOT_FOUND", message: `Subscription ${id} not found.`, context: { ids: [String(id)] }, errors: [], links: {} });
        continue;
      }
      subscriptions.setActive(subscription, active);
      results.push(subscriptionView(subscription));
    }
    const completedAt = new Date(parts.state.clock.now()).toISOString();
    if (errors.length === 0) return c.json({ status: "COMPLETE", results, startedAt, completedAt });
    return c.json({ status: "COMPLETE", results, numErrors: errors.length, errors, startedAt, completedAt }, 207);
  });

  app.get(`${base}/subscriptions/:subscriptionId`, (c) => c.json(subscriptionView(subscriptionAt(c.req.param("subscriptionId")))));

  app.patch(`${base}/subscriptions/:subscriptionId`, async (c) => {
    const subscription = subscriptionAt(c.req.param("subscriptionId"));
    const body = await readJsonObject(c);
    if (body["active"] === undefined) throw badRequest("active is required: the only field a subscription can change.");
    subscriptions.setActive(subscription, parseActive(body["active"]));
    return c.json(subscriptionView(subscription));
  });

  app.delete(`${base}/subscriptions/:subscriptionId`, (c) => {
    subscriptions.delete(subscriptionAt(c.req.param("subscriptionId")).id);
    return c.body(null, 204);
  });
}
