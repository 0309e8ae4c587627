import assert from "node:assert/strict";
import type { PortalId } from "../../../src/core/ids.ts";
import type { Emulator } from "../../../src/emulator/index.ts";
import type { Portal } from "../../../src/emulator/state/portal.ts";
import type { Store, StoredRecord } from "../../../src/store/index.ts";
import { associationKey, emulatorAssociations, emulatorLiveRecords } from "./emulator-data.ts";

// Comparing the mirror with HubSpot (the emulator's state) and with another mirror, id for id.

/** A store's rows of a type by id: live ones, or every row with `includeDeleted`. */
export async function storeRows(store: Store, portal: PortalId, type: string, includeDeleted = false): Promise<Map<string, StoredRecord>> {
  const rows = new Map<string, StoredRecord>();
  for await (const row of store.streamRecords(portal, type, { includeDeleted })) {
    assert.ok(!rows.has(row.id), `${type} ${row.id} is stored twice`);
    rows.set(row.id, row);
  }
  return rows;
}

const sample = (ids: Iterable<string>, n = 8): string => {
  const all = [...ids];
  return `${all.length} (${all.slice(0, n).join(", ")}${all.length > n ? ", …" : ""})`;
};

/** Ids only in `a`, ids only in `b`. */
function differences(a: Iterable<string>, b: Iterable<string>): { onlyA: string[]; onlyB: string[] } {
  const setA = new Set(a);
  const setB = new Set(b);
  return { onlyA: [...setA].filter((id) => !setB.has(id)), onlyB: [...setB].filter((id) => !setA.has(id)) };
}

/**
 * The store's live rows of `type` are exactly the emulator's live records, id for id, and each
 * row's raw properties hold HubSpot's value of every property the type defines.
 */
export async function assertMirrorsEmulator(store: Store, portalId: PortalId, portal: Portal, type: string): Promise<Map<string, StoredRecord>> {
  const truth = emulatorLiveRecords(portal, type);
  const rows = await storeRows(store, portalId, type);
  const { onlyA: missing, onlyB: extra } = differences(truth.keys(), rows.keys());
  assert.ok(missing.length === 0 && extra.length === 0, `${type}: store differs from HubSpot — missing ${sample(missing)}, extra ${sample(extra)}`);
  const mismatches: string[] = [];
  for (const [id, properties] of truth) {
    const row = rows.get(id);
    if (row === undefined) continue;
    for (const [name, value] of Object.entries(properties)) {
      const stored = row.properties[name] ?? null;
      if (stored !== value && mismatches.length < 8) mismatches.push(`${id}.${name}: stored ${JSON.stringify(stored)}, HubSpot ${JSON.stringify(value)}`);
    }
  }
  assert.deepEqual(mismatches, [], `${type}: stored values differ from HubSpot's`);
  return rows;
}

/** Two mirrors hold the same live rows of `type` with the same raw properties, id for id. */
export async function assertSameLiveRows(actual: Store, expected: Store, portalId: PortalId, type: string, label = "incremental vs full refresh"): Promise<void> {
  const a = await storeRows(actual, portalId, type);
  const b = await storeRows(expected, portalId, type);
  const { onlyA, onlyB } = differences(a.keys(), b.keys());
  assert.ok(onlyA.length === 0 && onlyB.length === 0, `${type} (${label}): only in the first ${sample(onlyA)}, only in the second ${sample(onlyB)}`);
  const mismatches: string[] = [];
  for (const [id, row] of a) {
    const other = b.get(id);
    if (other === undefined) continue;
    const names = new Set([...Object.keys(row.properties), ...Object.keys(other.properties)]);
    for (const name of names) {
      const x = row.properties[name] ?? null;
      const y = other.properties[name] ?? null;
      if (x !== y && mismatches.length < 8) mismatches.push(`${id}.${name}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
  }
  assert.deepEqual(mismatches, [], `${type} (${label}): raw properties differ`);
}

/** The store's associations from `fromType` to `toType` are exactly HubSpot's (pair, type id, category, label). */
export async function assertAssociationsMirror(store: Store, portalId: PortalId, emulator: Emulator, portal: Portal, fromType: string, toType: string): Promise<void> {
  const truth = await emulatorAssociations(emulator, portal, fromType, toType);
  const stored = new Map((await store.associations(portalId, { fromType, toType })).map((a) => [associationKey(a), a]));
  const { onlyA: missing, onlyB: extra } = differences(truth.keys(), stored.keys());
  assert.ok(missing.length === 0 && extra.length === 0, `${fromType}→${toType} associations: missing ${sample(missing)}, extra ${sample(extra)}`);
  const mismatches: string[] = [];
  for (const [key, fact] of truth) {
    const row = stored.get(key);
    if (row !== undefined && (row.category !== fact.category || (row.label ?? null) !== fact.label)) {
      mismatches.push(`${key}: stored ${row.category}/${row.label}, HubSpot ${fact.category}/${fact.label}`);
    }
  }
  assert.deepEqual(mismatches.slice(0, 8), [], `${fromType}→${toType}: association categories or labels differ`);
}

/** Two mirrors hold the same associations from `fromType` to `toType`. */
export async function assertSameAssociations(actual: Store, expected: Store, portalId: PortalId, fromType: string, toType: string): Promise<void> {
  const keys = async (store: Store): Promise<string[]> =>
    (await store.associations(portalId, { fromType, toType })).map((a) => `${associationKey(a)}:${a.category}:${a.label ?? ""}`).sort();
  assert.deepEqual(await keys(actual), await keys(expected), `${fromType}→${toType} associations differ between the two mirrors`);
}
