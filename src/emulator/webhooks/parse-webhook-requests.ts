import { badRequest } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import { parseEventType, supportedEventTypes, type WebhookEventType } from "./webhook-event-type.ts";
import type { ThrottlingPeriod, WebhookSettings } from "./webhook-subscriptions.ts";

const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
const periods: readonly ThrottlingPeriod[] = ["SECONDLY", "ROLLING_MINUTE"];

/** `PUT /settings` body: a target URL the emulator can reach, and optional throttling. */
export function parseSettingsBody(body: Record<string, unknown>): Pick<WebhookSettings, "targetUrl" | "throttling"> {
  const targetUrl = body["targetUrl"];
  if (typeof targetUrl !== "string" || !/^https?:\/\//i.test(targetUrl) || !URL.canParse(targetUrl)) {
    throw badRequest("targetUrl must be an absolute http(s) URL.", { context: { targetUrl: [String(targetUrl)] } });
  }
  const throttling = body["throttling"] ?? {};
  if (!isObject(throttling)) throw badRequest("throttling must be an object: {period, maxConcurrentRequests}.");
  const max = throttling["maxConcurrentRequests"] ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1) {
    throw badRequest("throttling.maxConcurrentRequests must be a positive integer.", { context: { maxConcurrentRequests: [String(max)] } });
  }
  const period = throttling["period"] ?? "SECONDLY";
  if (typeof period !== "string" || !periods.includes(period as ThrottlingPeriod)) {
    throw badRequest(`throttling.period must be one of ${periods.join(", ")}.`, { context: { period: [String(period)] } });
  }
  return { targetUrl, throttling: { period: period as ThrottlingPeriod, maxConcurrentRequests: max } };
}

export interface SubscriptionInput {
  eventType: string;
  type: WebhookEventType;
  propertyName: string | undefined;
  active: boolean;
}

/** `POST /subscriptions` body. propertyChange needs the property it watches; nothing else takes one. */
export function parseSubscriptionBody(body: Record<string, unknown>): SubscriptionInput {
  const eventType = body["eventType"];
  if (typeof eventType !== "string") throw badRequest("eventType is required.", { context: { eventType: supportedEventTypes() } });
  const type = parseEventType(eventType);
  if (type === undefined) {
    throw badRequest(`Unsupported eventType '${eventType}'. Supported: ${supportedEventTypes().join(", ")}.`, { context: { eventType: [eventType] } });
  }
  const propertyName = body["propertyName"] ?? undefined;
  if (propertyName !== undefined && (typeof propertyName !== "string" || propertyName === "")) throw badRequest("propertyName must be a non-empty string.");
  if (type.action === "propertyChange" && propertyName === undefined) {
    throw badRequest(`propertyName is required for ${eventType} subscriptions.`, { context: { propertyName: [] } });
  }
  if (type.action !== "propertyChange" && propertyName !== undefined) {
    throw badRequest(`propertyName is only allowed on propertyChange subscriptions, not ${eventType}.`, { context: { propertyName: [propertyName] } });
  }
  return { eventType, type, propertyName, active: parseActive(body["active"] ?? false) };
}

export function parseActive(value: unknown): boolean {
  if (typeof value !== "boolean") throw badRequest("active must be true or false.", { context: { active: [String(value)] } });
  return value;
}

/** A subscription id from a path or a batch input: digits, as a string or a number. */
export function parseSubscriptionId(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && /^\d+$/.test(text) ? Number(text) : undefined;
}
