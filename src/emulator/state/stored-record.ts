/** Who made a write: HubSpot's changeSource / sourceType vocabulary plus the writer's id. */
export interface WriteSource {
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** Property values of a record. Replaced on every write, never mutated: the search index may still hold the old one. */
export type PropertyValues = Readonly<Record<string, string>>;

export interface StoredRecord {
  id: string;
  /** Position in the store's row array: list order and the opaque `after` cursor. */
  readonly row: number;
  properties: PropertyValues;
  readonly createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | undefined;
  readonly createSource: WriteSource;
  /** Newest first; absent until a property changes after creation (creation values are derived). */
  history: Map<string, HistoryEntry[]> | undefined;
}

/** A property's history, newest first, including the value set at creation. */
export function propertyHistory(record: StoredRecord, name: string): HistoryEntry[] {
  const recorded = record.history?.get(name);
  if (recorded !== undefined) return recorded;
  const value = record.properties[name];
  if (value === undefined) return [];
  return [{ value, timestamp: record.createdAt, ...record.createSource }];
}
