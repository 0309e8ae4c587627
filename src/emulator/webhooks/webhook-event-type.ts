/** The CRM objects HubSpot's app webhooks cover, by their singular name. */
export const webhookObjects = ["contact", "company", "deal", "ticket", "product", "line_item"] as const;
export type WebhookObject = (typeof webhookObjects)[number];

export const webhookActions = ["creation", "deletion", "propertyChange", "associationChange", "merge", "restore", "privacyDeletion"] as const;
export type WebhookAction = (typeof webhookActions)[number];

/** A subscription's `eventType`, split into the object it watches and what happens to it. */
export interface WebhookEventType {
  object: WebhookObject;
  action: WebhookAction;
}

/** Built-in object type ids → the webhook object name; other types (engagements, custom objects) fire nothing. */
const objectByTypeId: Readonly<Record<string, WebhookObject>> = {
  "0-1": "contact",
  "0-2": "company",
  "0-3": "deal",
  "0-5": "ticket",
  "0-7": "product",
  "0-8": "line_item",
};

export function webhookObjectOf(objectTypeId: string): WebhookObject | undefined {
  return objectByTypeId[objectTypeId];
}

const isObject = (value: string): value is WebhookObject => (webhookObjects as readonly string[]).includes(value);
const isAction = (value: string): value is WebhookAction => (webhookActions as readonly string[]).includes(value);

/** Every `eventType` the emulator accepts; listed in validation errors so a caller can fix a typo. */
export function supportedEventTypes(): string[] {
  return webhookObjects.flatMap((object) => webhookActions.filter((action) => allowed(object, action)).map((action) => `${object}.${action}`));
}

// Only contacts have a GDPR privacy deletion.
const allowed = (object: WebhookObject, action: WebhookAction): boolean => action !== "privacyDeletion" || object === "contact";

export function parseEventType(value: string): WebhookEventType | undefined {
  const dot = value.lastIndexOf(".");
  const object = value.slice(0, dot);
  const action = value.slice(dot + 1);
  if (dot < 0 || !isObject(object) || !isAction(action) || !allowed(object, action)) return undefined;
  return { object, action };
}
