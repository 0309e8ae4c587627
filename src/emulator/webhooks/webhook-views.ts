import type { WebhookSettings, WebhookSubscription } from "./webhook-subscriptions.ts";

/** Settings as `GET /webhooks/v3/{appId}/settings` returns them. */
export function settingsView(settings: WebhookSettings): Record<string, unknown> {
  return {
    targetUrl: settings.targetUrl,
    throttling: { ...settings.throttling },
    createdAt: new Date(settings.createdAt).toISOString(),
    updatedAt: new Date(settings.updatedAt).toISOString(),
  };
}

/** A subscription as the API returns it: its id is a string here, though events carry it as a number. */
export function subscriptionView(subscription: WebhookSubscription): Record<string, unknown> {
  const view: Record<string, unknown> = { eventType: subscription.eventType };
  if (subscription.propertyName !== undefined) view["propertyName"] = subscription.propertyName;
  view["active"] = subscription.active;
  view["id"] = String(subscription.id);
  view["createdAt"] = new Date(subscription.createdAt).toISOString();
  view["updatedAt"] = new Date(subscription.updatedAt).toISOString();
  return view;
}
