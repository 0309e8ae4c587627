import assert from "node:assert/strict";
import type { Emulator } from "../../../src/emulator/index.ts";
import type { ObjectType } from "../../../src/emulator/state/object-type.ts";
import type { Portal } from "../../../src/emulator/state/portal.ts";
import type { StoredRecord as EmulatorRecord, WriteSource } from "../../../src/emulator/state/stored-record.ts";

// Setting the scene in the emulator. Bulk data goes straight into the portal's stores (every
// write is still announced to search, associations and webhooks, as an API write is); single
// changes that the scenario is about go through HubSpot's public API.

const source: WriteSource = { sourceType: "INTEGRATION", sourceId: "test-setup" };

export function typeOf(portal: Portal, name: string): ObjectType {
  return portal.resolveType(name);
}

export interface CreateOptions {
  /** When record `i` is created (and so last modified); default: the emulator's now for all. */
  at?: (i: number) => number;
}

/** Creates `count` records; returns their ids in creation order. */
export function createRecords(portal: Portal, type: string, count: number, properties: (i: number) => Record<string, string>, options: CreateOptions = {}): string[] {
  const store = portal.store(typeOf(portal, type));
  const now = portal.state.clock.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(store.create(properties(i), source, options.at?.(i) ?? now).id);
  return ids;
}

/**
 * Applies `changes(id, i)` to each record at `at` (an instant, or one per record; default now).
 * Every change must really change a value.
 */
export function updateRecords(
  portal: Portal,
  type: string,
  ids: readonly string[],
  changes: (id: string, i: number) => Record<string, string>,
  at?: number | ((i: number) => number),
): void {
  const store = portal.store(typeOf(portal, type));
  const now = portal.state.clock.now();
  ids.forEach((id, i) => {
    const record = store.get(id);
    assert.ok(record !== undefined && !record.archived, `${type} ${id} is not live in the emulator`);
    const when = at === undefined ? now : typeof at === "number" ? at : at(i);
    const changed = store.update(record, changes(id, i), source, when);
    assert.ok(changed.length > 0, `update of ${type} ${id} changed nothing`);
  });
}

/** Adds HubSpot's default (unlabelled) association between two records, both directions. */
export function associate(portal: Portal, fromType: string, fromId: string, toType: string, toId: string): void {
  portal.associations.associateDefault(typeOf(portal, fromType), fromId, typeOf(portal, toType), toId, source, portal.state.clock.now());
}

/** A live emulator record by id (undefined once archived or merged away). */
export function liveRecord(portal: Portal, type: string, id: string): EmulatorRecord | undefined {
  const record = portal.store(typeOf(portal, type)).get(id);
  return record === undefined || record.archived || record.id !== id ? undefined : record;
}

/** Every live record of a type: id → its values for every live property definition (null when unset). */
export function emulatorLiveRecords(portal: Portal, type: string): Map<string, Record<string, string | null>> {
  const objectType = typeOf(portal, type);
  const names = portal.properties(objectType).live().map((d) => d.name);
  const result = new Map<string, Record<string, string | null>>();
  for (const record of portal.store(objectType).scan(0, false, portal.state.clock.now())) {
    const properties: Record<string, string | null> = {};
    for (const name of names) properties[name] = record.properties[name] ?? null;
    result.set(record.id, properties);
  }
  return result;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Calls the emulator's public API with the default private-app token (setup, never the engine's traffic). */
export async function callApi<T = unknown>(emulator: Emulator, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const info = emulator.info();
  const init: RequestInit = { method, headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await emulator.fetch(`${info.baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

/** `callApi` that insists on a 2xx answer. */
export async function callApiOk<T = unknown>(emulator: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await callApi<T>(emulator, method, path, body);
  assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 400)}`);
  return answer.body;
}

/** One association as HubSpot's v4 batch read reports it. */
export interface AssociationFact {
  fromId: string;
  toId: string;
  typeId: number;
  category: string;
  label: string | null;
}

const associationKey = (a: { fromId: string; toId: string; typeId: number }): string => `${a.fromId}>${a.toId}#${a.typeId}`;

/** Every association from the live records of `fromType` to `toType`, read through HubSpot's v4 batch read. */
export async function emulatorAssociations(emulator: Emulator, portal: Portal, fromType: string, toType: string): Promise<Map<string, AssociationFact>> {
  const ids = [...emulatorLiveRecords(portal, fromType).keys()];
  const facts = new Map<string, AssociationFact>();
  for (let start = 0; start < ids.length; start += 1000) {
    let inputs: Array<{ id: string; after?: string }> = ids.slice(start, start + 1000).map((id) => ({ id }));
    while (inputs.length > 0) {
      const answer = await callApiOk<{
        results: Array<{
          from: { id: string };
          to: Array<{ toObjectId: string | number; associationTypes: Array<{ category: string; typeId: number; label: string | null }> }>;
          paging?: { next?: { after: string } };
        }>;
      }>(emulator, "POST", `/crm/v4/associations/${fromType}/${toType}/batch/read`, { inputs });
      const more: Array<{ id: string; after: string }> = [];
      for (const result of answer.results) {
        for (const target of result.to) {
          for (const type of target.associationTypes) {
            const fact = { fromId: result.from.id, toId: String(target.toObjectId), typeId: type.typeId, category: type.category, label: type.label ?? null };
            facts.set(associationKey(fact), fact);
          }
        }
        const after = result.paging?.next?.after;
        if (after !== undefined) more.push({ id: result.from.id, after });
      }
      inputs = more;
    }
  }
  return facts;
}

export { associationKey };
