import type { AssociationChange } from "../state/association-store.ts";
import { sourceFields } from "./record-change-events.ts";
import type { WebhookEventDraft } from "./webhook-event.ts";
import { webhookObjectOf, type WebhookObject } from "./webhook-event-type.ts";
import type { WebhookSubscriptions } from "./webhook-subscriptions.ts";

const PARENT_TO_CHILD_COMPANY = 13;
const CHILD_TO_PARENT_COMPANY = 14;

/** `CONTACT_TO_COMPANY`; company hierarchies name their roles, as HubSpot's list does. */
function associationTypeName(from: WebhookObject, to: WebhookObject, typeId: number): string {
  if (typeId === PARENT_TO_CHILD_COMPANY) return "PARENT_COMPANY_TO_CHILD_COMPANY";
  if (typeId === CHILD_TO_PARENT_COMPANY) return "CHILD_COMPANY_TO_PARENT_COMPANY";
  return `${from.toUpperCase()}_TO_${to.toUpperCase()}`;
}

/**
 * The associationChange events one announced change fires: one for each end whose object
 * has an active subscription, each seen from that end (`fromObjectId` is its own id). The
 * store announces each type on a pair once, in the direction written, so a primary
 * association fires twice per end (unlabelled, then primary), as HubSpot's do.
 *
 * Not fired: labels (USER_/INTEGRATOR_DEFINED: the pair's unlabelled type already fired),
 * pairs with an object webhooks do not cover (notes, custom objects), and changes the store
 * makes on its own (a merge re-pointing pairs, a purge): the merge event reports those.
 */
export function associationChangeEvents(change: AssociationChange, subscriptions: WebhookSubscriptions): WebhookEventDraft[] {
  if (change.cause !== "write" || change.category !== "HUBSPOT_DEFINED") return [];
  const fromObject = webhookObjectOf(change.fromType.objectTypeId);
  const toObject = webhookObjectOf(change.toType.objectTypeId);
  if (fromObject === undefined || toObject === undefined) return [];
  const ends = [
    { object: fromObject, other: toObject, fromId: change.fromId, toId: change.toId, typeId: change.typeId },
    { object: toObject, other: fromObject, fromId: change.toId, toId: change.fromId, typeId: change.inverseTypeId },
  ];
  return ends.flatMap((end) =>
    subscriptions.active(end.object, "associationChange").map((s) => ({
      subscriptionId: s.id,
      occurredAt: change.at,
      subscriptionType: s.eventType,
      ...sourceFields(change.source),
      associationType: associationTypeName(end.object, end.other, end.typeId),
      fromObjectId: Number(end.fromId),
      toObjectId: Number(end.toId),
      associationRemoved: change.kind === "removed",
      isPrimaryAssociation: change.primary,
    })),
  );
}
