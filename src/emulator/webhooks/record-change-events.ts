import type { RecordChange } from "../state/record-change.ts";
import type { WriteSource } from "../state/stored-record.ts";
import type { WebhookEventDraft } from "./webhook-event.ts";
import type { WebhookAction, WebhookObject } from "./webhook-event-type.ts";
import type { WebhookSubscriptions } from "./webhook-subscriptions.ts";

/** HubSpot's payload carries who wrote the change: the write's sourceType and, when known, its sourceId. */
export function sourceFields(source: WriteSource): { changeSource: string; sourceId?: string } {
  return source.sourceId === undefined ? { changeSource: source.sourceType } : { changeSource: source.sourceType, sourceId: source.sourceId };
}

/**
 * The events one record change fires, one per matching active subscription. An update fires
 * one propertyChange per changed property that a subscription names, carrying the new value.
 */
export function recordChangeEvents(object: WebhookObject, change: RecordChange, subscriptions: WebhookSubscriptions): WebhookEventDraft[] {
  const base = (action: WebhookAction, objectId: string, source: WriteSource) =>
    subscriptions.active(object, action).map((s) => ({
      subscriptionId: s.id,
      occurredAt: change.at,
      subscriptionType: s.eventType,
      objectId: Number(objectId),
      ...sourceFields(source),
    }));

  switch (change.kind) {
    case "create":
      return base("creation", change.record.id, change.source).map((e) => ({ ...e, changeFlag: "NEW" }));
    case "archive":
      return base("deletion", change.record.id, change.source).map((e) => ({ ...e, changeFlag: "DELETED" }));
    case "restore":
      return base("restore", change.record.id, change.source).map((e) => ({ ...e, changeFlag: "RESTORED" }));
    case "update": {
      const { record, changed, source } = change;
      return subscriptions.active(object, "propertyChange").flatMap((s) =>
        s.propertyName === undefined || !changed.includes(s.propertyName)
          ? []
          : [{
              subscriptionId: s.id,
              occurredAt: change.at,
              subscriptionType: s.eventType,
              objectId: Number(record.id),
              propertyName: s.propertyName,
              propertyValue: record.properties[s.propertyName] ?? "",
              ...sourceFields(source),
            }],
      );
    }
    case "merge": {
      const [primaryId = change.survivor.id, ...mergedIds] = change.previousIds;
      return base("merge", primaryId, change.source).map((e) => ({
        ...e,
        changeFlag: "MERGED",
        primaryObjectId: Number(primaryId),
        mergedObjectIds: mergedIds.map(Number),
        newObjectId: Number(change.survivor.id),
      }));
    }
    case "purge":
      // The recycle bin emptying itself is not an event HubSpot reports.
      return [];
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}
