import type { Portal } from "../../../src/emulator/state/portal.ts";
import type { StoredRecord as EmulatorRecord } from "../../../src/emulator/state/stored-record.ts";
import { typeOf } from "../../inbound/support/emulator-data.ts";

// What HubSpot (the emulator's state) holds after a run: read straight from the portal, so
// checking the truth never spends the rate budget or shows up in the request statistics.

/** Live (not archived, not merged away) records of a type. */
export function liveRecords(portal: Portal, type: string): EmulatorRecord[] {
  const objectType = typeOf(portal, type);
  return [...portal.store(objectType).scan(0, false, portal.state.clock.now())];
}

export function liveCount(portal: Portal, type: string): number {
  return liveRecords(portal, type).length;
}

/** A live record by id (undefined when archived or unknown). */
export function liveRecord(portal: Portal, type: string, id: string): EmulatorRecord | undefined {
  const record = portal.store(typeOf(portal, type)).get(id);
  return record === undefined || record.archived || record.id !== id ? undefined : record;
}

/** The record by id whatever its state (archived records too). */
export function anyRecord(portal: Portal, type: string, id: string): EmulatorRecord | undefined {
  return portal.store(typeOf(portal, type)).get(id);
}

/** Live records grouped by a property's value (lowercased): value → ids. */
export function idsByValue(portal: Portal, type: string, property: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const record of liveRecords(portal, type)) {
    const value = record.properties[property];
    if (value === undefined || value === "") continue;
    const key = value.toLowerCase();
    const ids = groups.get(key) ?? [];
    ids.push(record.id);
    groups.set(key, ids);
  }
  return groups;
}

/** Values held by more than one live record: each is a duplicate. */
export function duplicatesOf(portal: Portal, type: string, property: string): Array<[string, string[]]> {
  return [...idsByValue(portal, type, property)].filter(([, ids]) => ids.length > 1);
}

/** Live contacts holding an email as their primary or one of their secondary emails. */
export function contactsHolding(portal: Portal, email: string): string[] {
  const wanted = email.toLowerCase();
  return liveRecords(portal, "contacts")
    .filter((r) => {
      const emails = [r.properties["email"] ?? "", ...(r.properties["hs_additional_emails"] ?? "").split(";")];
      return emails.some((e) => e.toLowerCase() === wanted);
    })
    .map((r) => r.id);
}

/** One associated pair as HubSpot holds it: the labels on it (null = the unlabelled default). */
export interface Pair {
  toId: string;
  labels: Array<string | null>;
  typeIds: number[];
}

/** The records of `toType` a record is associated with, each with its labels (sorted, null first). */
export function pairsOf(portal: Portal, fromType: string, fromId: string, toType: string): Map<string, Pair> {
  const targets = portal.associations.targets(typeOf(portal, fromType), fromId, typeOf(portal, toType));
  const pairs = new Map<string, Pair>();
  for (const target of targets) {
    const labels = target.types.map((t) => t.label ?? null).sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
    pairs.set(target.toObjectId, { toId: target.toObjectId, labels, typeIds: target.types.map((t) => t.typeId).sort((a, b) => a - b) });
  }
  return pairs;
}

/** `toId`s a record is associated with, sorted. */
export function associatedIds(portal: Portal, fromType: string, fromId: string, toType: string): string[] {
  return [...pairsOf(portal, fromType, fromId, toType).keys()].sort(byId);
}

/** A record's pairs as `toId:label,label` strings (label `-` = the default), sorted: easy to compare whole. */
export function labelledPairs(portal: Portal, fromType: string, fromId: string, toType: string): string[] {
  return [...pairsOf(portal, fromType, fromId, toType).values()]
    .map((p) => `${p.toId}:${p.labels.map((l) => l ?? "-").join(",")}`)
    .sort();
}

/** A list's members by the list's name (undefined when no such list). */
export function listMembers(portal: Portal, objectType: string, name: string): string[] | undefined {
  const list = portal.lists.findByName(typeOf(portal, objectType).objectTypeId, name);
  if (list === undefined) return undefined;
  return list.members.inJoinOrder().map((m) => m.recordId).sort(byId);
}

/** The list's processing type (MANUAL for a static list). */
export function listProcessingType(portal: Portal, objectType: string, name: string): string | undefined {
  return portal.lists.findByName(typeOf(portal, objectType).objectTypeId, name)?.processingType;
}

/** Record ids are digit strings: shorter is smaller. */
export const byId = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
