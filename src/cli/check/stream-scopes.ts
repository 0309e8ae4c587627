import { isStandardObjectType, type HubsyncConfig, type StreamConfig } from "../../config/index.ts";
import type { ConnectionId } from "../../core/ids.ts";

/** A scope the configured streams need on one connection; the token must hold one of `anyOf`. */
export interface ScopeNeed {
  /** The scope to grant (the first of `anyOf`). */
  scope: string;
  anyOf: readonly string[];
  /** `sync/stream` pairs that need it, for the message. */
  neededBy: string[];
}

/**
 * The scope stem HubSpot gates an object type by. Engagements (calls, emails, meetings, notes,
 * tasks) have no scopes of their own: HubSpot gates them by the contacts scopes.
 */
function scopeStem(objectType: string): string {
  switch (objectType) {
    case "calls":
    case "emails":
    case "meetings":
    case "notes":
    case "tasks":
      return "contacts";
    default:
      return isStandardObjectType(objectType) ? objectType : "custom";
  }
}

const objectRead = (type: string): string[] => [`crm.objects.${scopeStem(type)}.read`];
const schemaRead = (type: string): string[] => [`crm.schemas.${scopeStem(type)}.read`];

/** What reading one stream calls: records, their property definitions, associated types. */
function needsOf(stream: StreamConfig): string[][] {
  switch (stream.kind) {
    case "object":
      return [
        objectRead(stream.objectType),
        schemaRead(stream.objectType),
        ...(stream.custom ? [["crm.schemas.custom.read"]] : []),
        ...stream.associations.map(objectRead),
      ];
    case "custom_objects":
      return [["crm.schemas.custom.read"], ["crm.objects.custom.read"], ...stream.associations.map(objectRead)];
    case "owners":
      return [["crm.objects.owners.read"]];
    case "pipelines":
      return stream.objects.map(objectRead);
    case "lists":
      return [["crm.lists.read", "crm.lists.write"]];
    default: {
      const _exhaustive: never = stream;
      return _exhaustive;
    }
  }
}

/** Every scope the inbound syncs on `connection` need, once each, in first-needed order. */
export function scopesNeeded(config: HubsyncConfig, connection: ConnectionId): ScopeNeed[] {
  const needs = new Map<string, ScopeNeed>();
  for (const sync of config.inbound) {
    if (sync.connection !== connection) continue;
    for (const stream of sync.streams) {
      for (const anyOf of needsOf(stream)) {
        const scope = anyOf[0];
        if (scope === undefined) continue;
        const need = needs.get(scope) ?? { scope, anyOf, neededBy: [] };
        const by = `${sync.name}/${stream.name}`;
        if (!need.neededBy.includes(by)) need.neededBy.push(by);
        needs.set(scope, need);
      }
    }
  }
  return [...needs.values()];
}

/** The needs the granted scopes do not cover. */
export function missingScopes(needs: readonly ScopeNeed[], granted: readonly string[]): ScopeNeed[] {
  const held = new Set(granted);
  return needs.filter((need) => !need.anyOf.some((scope) => held.has(scope)));
}
