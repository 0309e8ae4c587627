import type { ObjectType } from "./object-type.ts";
import type { RecordChangeListener } from "./record-change.ts";
import type { HistoryEntry, PropertyValues, StoredRecord, WriteSource } from "./stored-record.ts";

const lower = (v: string): string => v.toLowerCase();

/**
 * The records of one object type in one portal. Knows nothing of HTTP or validation:
 * callers validate first, then write here; every write is announced to the listeners.
 */
export class ObjectStore {
  readonly type: ObjectType;
  readonly #rows: Array<StoredRecord | undefined> = [];
  readonly #byId = new Map<string, StoredRecord>();
  /** Ids that a merge retired, pointing at the surviving id. */
  readonly #mergedIds = new Map<string, string>();
  /** property → lowercased value → record, for `hasUniqueValue` properties and contact email. */
  readonly #unique = new Map<string, Map<string, StoredRecord>>();
  /** Contacts' secondary emails (hs_additional_emails), lowercased. */
  readonly #secondaryEmails = new Map<string, StoredRecord>();
  readonly #nextId: () => string;
  readonly #notify: RecordChangeListener;
  /** How long archived records stay restorable (`limits.archivedRetentionMs`). */
  readonly #retentionMs: number;
  #liveCount = 0;

  constructor(type: ObjectType, nextId: () => string, notify: RecordChangeListener, uniqueProperties: Iterable<string>, retentionMs: number) {
    this.type = type;
    this.#nextId = nextId;
    this.#notify = notify;
    this.#retentionMs = retentionMs;
    for (const name of uniqueProperties) this.#unique.set(name, new Map());
  }

  /** Registers a new unique property (HubSpot only allows this when the property is created). */
  addUniqueProperty(name: string): void {
    if (this.#unique.has(name)) return;
    const index = new Map<string, StoredRecord>();
    for (const record of this.#byId.values()) {
      const value = record.properties[name];
      if (value !== undefined && value !== "") index.set(lower(value), record);
    }
    this.#unique.set(name, index);
  }

  get uniqueProperties(): string[] {
    return [...this.#unique.keys()];
  }

  /** Records that are neither archived nor merged away. */
  get liveCount(): number {
    return this.#liveCount;
  }

  /** A live or archived record by id; a merged-away id resolves to its survivor. */
  get(id: string): StoredRecord | undefined {
    const direct = this.#byId.get(id);
    if (direct !== undefined) return direct;
    const survivor = this.#mergedIds.get(id);
    return survivor === undefined ? undefined : this.#byId.get(survivor);
  }

  /** The record holding `value` in a unique property (case-insensitive), live or archived. */
  findUnique(property: string, value: string): StoredRecord | undefined {
    return this.#unique.get(property)?.get(lower(value));
  }

  findBySecondaryEmail(email: string): StoredRecord | undefined {
    return this.#secondaryEmails.get(lower(email));
  }

  /** Live records in creation order from row `fromRow`, or archived ones when `archived`. */
  *scan(fromRow: number, archived: boolean, now: number): Generator<StoredRecord> {
    for (let row = fromRow; row < this.#rows.length; row++) {
      const record = this.#rows[row];
      if (record === undefined) continue;
      if (record.archived && this.#purgeIfExpired(record, now)) continue;
      if (record.archived === archived) yield record;
    }
  }

  create(properties: PropertyValues, source: WriteSource, at: number): StoredRecord {
    const id = this.#nextId();
    const iso = new Date(at).toISOString();
    const record: StoredRecord = {
      id,
      row: this.#rows.length,
      properties: { ...properties, hs_object_id: id, createdate: properties["createdate"] ?? iso, ...this.#modifiedStamp(iso) },
      createdAt: at,
      updatedAt: at,
      archived: false,
      archivedAt: undefined,
      createSource: source,
      history: undefined,
    };
    this.#rows.push(record);
    this.#byId.set(id, record);
    this.#index(record);
    this.#liveCount++;
    this.#notify(this.type.objectTypeId, { kind: "create", record, source, at });
    return record;
  }

  /** Applies property changes; returns the names whose value actually changed. */
  update(record: StoredRecord, changes: PropertyValues, source: WriteSource, at: number): string[] {
    const changed = Object.keys(changes).filter((name) => record.properties[name] !== changes[name]);
    if (changed.length === 0) return changed;
    this.#unindex(record);
    const iso = new Date(at).toISOString();
    for (const name of changed) this.#recordHistory(record, name, changes[name] ?? "", source, at);
    record.properties = { ...record.properties, ...changes, ...this.#modifiedStamp(iso) };
    record.updatedAt = at;
    this.#index(record);
    this.#notify(this.type.objectTypeId, { kind: "update", record, changed, source, at });
    return changed;
  }

  archive(record: StoredRecord, source: WriteSource, at: number): void {
    if (record.archived) return;
    record.archived = true;
    record.archivedAt = at;
    record.updatedAt = at;
    this.#liveCount--;
    this.#notify(this.type.objectTypeId, { kind: "archive", record, source, at });
  }

  restore(record: StoredRecord, source: WriteSource, at: number): void {
    if (!record.archived) return;
    record.archived = false;
    record.archivedAt = undefined;
    record.updatedAt = at;
    this.#liveCount++;
    this.#notify(this.type.objectTypeId, { kind: "restore", record, source, at });
  }

  /**
   * Merges `loser` into `primary`. The survivor takes a new id (as HubSpot may do); both old
   * ids resolve to it and are listed in `hs_merged_object_ids`. Returns the survivor.
   */
  merge(primary: StoredRecord, loser: StoredRecord, source: WriteSource, at: number): StoredRecord {
    const iso = new Date(at).toISOString();
    const previousIds = [primary.id, loser.id];
    const mergedIds = [
      ...(primary.properties["hs_merged_object_ids"]?.split(";") ?? []),
      ...(loser.properties["hs_merged_object_ids"]?.split(";") ?? []),
      ...previousIds,
    ].filter((id) => id !== "");
    const combined: Record<string, string> = { ...loser.properties, ...primary.properties };
    if (this.type.name === "contacts") {
      const emails = [primary.properties["hs_additional_emails"], loser.properties["hs_additional_emails"], loser.properties["email"]]
        .flatMap((v) => v?.split(";") ?? [])
        .filter((e) => e !== "" && lower(e) !== lower(primary.properties["email"] ?? ""));
      if (emails.length > 0) combined["hs_additional_emails"] = [...new Set(emails)].join(";");
    }
    this.#retire(primary);
    this.#retire(loser);
    const id = this.#nextId();
    const survivor: StoredRecord = {
      id,
      row: this.#rows.length,
      properties: { ...combined, hs_object_id: id, hs_merged_object_ids: [...new Set(mergedIds)].join(";"), ...this.#modifiedStamp(iso) },
      createdAt: primary.createdAt,
      updatedAt: at,
      archived: false,
      archivedAt: undefined,
      createSource: primary.createSource,
      history: primary.history,
    };
    this.#rows.push(survivor);
    this.#byId.set(id, survivor);
    for (const old of mergedIds) this.#mergedIds.set(old, id);
    for (const [old, target] of this.#mergedIds) if (previousIds.includes(target)) this.#mergedIds.set(old, id);
    this.#index(survivor);
    this.#liveCount++;
    this.#notify(this.type.objectTypeId, { kind: "merge", survivor, merged: mergedIds, previousIds, source, at });
    return survivor;
  }

  #retire(record: StoredRecord): void {
    this.#unindex(record);
    this.#rows[record.row] = undefined;
    this.#byId.delete(record.id);
    if (!record.archived) this.#liveCount--;
  }

  #purgeIfExpired(record: StoredRecord, now: number): boolean {
    if (record.archivedAt === undefined || now - record.archivedAt < this.#retentionMs) return false;
    this.#unindex(record);
    this.#rows[record.row] = undefined;
    this.#byId.delete(record.id);
    this.#notify(this.type.objectTypeId, { kind: "purge", record, at: now });
    return true;
  }

  #modifiedStamp(iso: string): Record<string, string> {
    return this.type.modifiedDateProperty === "lastmodifieddate"
      ? { lastmodifieddate: iso, hs_lastmodifieddate: iso }
      : { hs_lastmodifieddate: iso };
  }

  #recordHistory(record: StoredRecord, name: string, value: string, source: WriteSource, at: number): void {
    record.history ??= new Map();
    let entries = record.history.get(name);
    if (entries === undefined) {
      const initial = record.properties[name];
      entries = initial === undefined ? [] : [{ value: initial, timestamp: record.createdAt, ...record.createSource }];
      record.history.set(name, entries);
    }
    const entry: HistoryEntry = { value, timestamp: at, ...source };
    entries.unshift(entry);
  }

  #index(record: StoredRecord): void {
    for (const [name, index] of this.#unique) {
      const value = record.properties[name];
      if (value !== undefined && value !== "") index.set(lower(value), record);
    }
    for (const email of record.properties["hs_additional_emails"]?.split(";") ?? []) {
      if (email !== "") this.#secondaryEmails.set(lower(email), record);
    }
  }

  #unindex(record: StoredRecord): void {
    for (const [name, index] of this.#unique) {
      const value = record.properties[name];
      if (value !== undefined && index.get(lower(value)) === record) index.delete(lower(value));
    }
    for (const email of record.properties["hs_additional_emails"]?.split(";") ?? []) {
      if (this.#secondaryEmails.get(lower(email)) === record) this.#secondaryEmails.delete(lower(email));
    }
  }
}
