import type { HubsyncConfig, OutboundSyncConfig, StreamConfig } from "../../config/index.ts";
import type { ConnectionId } from "../../core/ids.ts";
import { objectRead, objectWrite, schemaRead, schemaWrite } from "./object-scopes.ts";

/** A scope the configured syncs need on one connection; the token must hold one of `anyOf`. */
export interface ScopeNeed {
  /** The scope to grant (the first of `anyOf`). */
  scope: string;
  anyOf: readonly string[];
  /** `sync/stream` (inbound) or `sync` (outbound) names that need it, for the message. */
  neededBy: string[];
}

/** What reading one inbound stream calls: records, their property definitions, associated types. */
function streamNeeds(stream: StreamConfig): string[][] {
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

/**
 * What an outbound sync calls: it reads the target's properties and records (to match rows),
 * writes records and associations (HubSpot wants the source side's write scope and the
 * target's read scope), creates a declared schema or missing properties, and edits its list.
 */
function outboundNeeds(sync: OutboundSyncConfig): string[][] {
  const type = sync.objectType;
  return [
    objectWrite(type),
    objectRead(type),
    schemaRead(type),
    ...(sync.custom ? [["crm.schemas.custom.read"]] : []),
    ...(sync.customObject === undefined ? [] : [["crm.schemas.custom.write"]]),
    ...(sync.createMissingProperties ? [schemaWrite(type)] : []),
    ...sync.associations.map((association) => objectRead(association.toObjectType)),
    ...(sync.list === undefined ? [] : [["crm.lists.write"]]),
  ];
}

/** Every scope the syncs (inbound and outbound) on `connection` need, once each, in first-needed order. */
export function scopesNeeded(config: HubsyncConfig, connection: ConnectionId): ScopeNeed[] {
  const needs = new Map<string, ScopeNeed>();
  const add = (anyOf: readonly string[], by: string): void => {
    const scope = anyOf[0];
    if (scope === undefined) return;
    const need = needs.get(scope) ?? { scope, anyOf, neededBy: [] };
    if (!need.neededBy.includes(by)) need.neededBy.push(by);
    needs.set(scope, need);
  };
  for (const sync of config.inbound) {
    if (sync.connection !== connection) continue;
    for (const stream of sync.streams) for (const anyOf of streamNeeds(stream)) add(anyOf, `${sync.name}/${stream.name}`);
  }
  for (const sync of config.outbound) {
    if (sync.connection !== connection) continue;
    for (const anyOf of outboundNeeds(sync)) add(anyOf, sync.name);
  }
  return [...needs.values()];
}

/** The needs the granted scopes do not cover. */
export function missingScopes(needs: readonly ScopeNeed[], granted: readonly string[]): ScopeNeed[] {
  const held = new Set(granted);
  return needs.filter((need) => !need.anyOf.some((scope) => held.has(scope)));
}
