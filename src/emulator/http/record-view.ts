import type { ObjectType } from "../state/object-type.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import { propertyHistory, type StoredRecord } from "../state/stored-record.ts";

/** A record as HubSpot's v3 API returns it. */
export interface RecordView {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: string; sourceType: string; sourceId?: string; updatedByUserId?: number }>>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

/** Which properties a read asked for, resolved once per request rather than once per record. */
export interface ReadSelection {
  properties: string[];
  withHistory: string[];
}

/**
 * Resolves requested names against the type's definitions: unknown names are ignored (as
 * HubSpot does), and a read that names no `properties` gets the type's default properties —
 * also when it asks for `propertiesWithHistory`, which HubSpot adds beside them.
 */
export function readSelection(type: ObjectType, registry: PropertyRegistry, requested: string[], withHistory: string[] = []): ReadSelection {
  const known = (name: string): boolean => registry.get(name) !== undefined;
  const properties = requested.length === 0 ? type.defaultReadProperties : requested.filter(known);
  return { properties: [...new Set(properties)], withHistory: [...new Set(withHistory.filter(known))] };
}

export function recordView(record: StoredRecord, selection: ReadSelection, values = record.properties): RecordView {
  const properties: Record<string, string | null> = {};
  for (const name of selection.properties) properties[name] = values[name] ?? null;
  const view: RecordView = {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (selection.withHistory.length > 0) {
    view.propertiesWithHistory = {};
    for (const name of selection.withHistory) {
      view.propertiesWithHistory[name] = propertyHistory(record, name).map((entry) => ({ ...entry, timestamp: new Date(entry.timestamp).toISOString() }));
    }
  }
  if (record.archivedAt !== undefined) view.archivedAt = new Date(record.archivedAt).toISOString();
  return view;
}
