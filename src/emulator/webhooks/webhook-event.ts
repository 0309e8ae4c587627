/**
 * One event as HubSpot posts it to an app's target URL (inside a JSON array). Ids of
 * objects are numbers here, unlike the CRM API's strings: that is HubSpot's payload.
 */
export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  /** 0 on the first delivery, incremented on every retry. */
  attemptNumber: number;
  /** Absent on associationChange events, which name both ends instead. */
  objectId?: number;
  changeSource: string;
  changeFlag?: string;
  sourceId?: string;
  propertyName?: string;
  propertyValue?: string;
  primaryObjectId?: number;
  mergedObjectIds?: number[];
  newObjectId?: number;
  associationType?: string;
  fromObjectId?: number;
  toObjectId?: number;
  associationRemoved?: boolean;
  isPrimaryAssociation?: boolean;
}

/** What a change produces before the dispatcher stamps ids, portal, app and attempt on it. */
export type WebhookEventDraft = Omit<WebhookEvent, "eventId" | "portalId" | "appId" | "attemptNumber">;
