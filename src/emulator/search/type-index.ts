import type { PropertyDefinition, PropertyType } from "../state/property-definition.ts";
import type { RecordChange } from "../state/record-change.ts";
import type { PropertyValues, StoredRecord } from "../state/stored-record.ts";
import { NumberColumn } from "./number-column.ts";
import { isNumericType } from "./parse-search-number.ts";
import { PendingWrites, WriteKind, type PendingWrite } from "./pending-writes.ts";
import { StringColumn } from "./string-column.ts";

export type Column = StringColumn | NumberColumn;

interface ColumnEntry {
  type: PropertyType;
  fieldType: string;
  column: Column;
}

const INITIAL_CAPACITY = 1024;

/**
 * The search index of one object type in one portal. A slot is the record's row in its
 * store, so slot order is creation order and, ids being handed out in the same order,
 * id order. Each slot keeps the version of the record it last indexed — the properties
 * object itself, which writes replace rather than mutate — so search shows that version
 * until a later write's moment comes. Per-property columns are built on first use and
 * kept current as writes are applied.
 */
export class TypeIndex {
  /** Slots in use: one past the highest slot ever indexed. */
  size = 0;
  liveCount = 0;
  records: Array<StoredRecord | undefined> = [];
  properties: Array<PropertyValues | undefined> = [];
  updatedAt = new Float64Array(INITIAL_CAPACITY);
  live = new Uint8Array(INITIAL_CAPACITY);
  /** Sequence number of the write each slot shows, so a write applied late never overwrites a newer one. */
  #seq = new Float64Array(INITIAL_CAPACITY);
  /** Numeric id of every row the store ever created, set when the write is announced: finds the slot of an id. */
  #rowIds = new Float64Array(INITIAL_CAPACITY);
  #rowCount = 0;
  #capacity = INITIAL_CAPACITY;
  readonly #pending = new PendingWrites();
  readonly #columns = new Map<string, ColumnEntry>();

  /** Queues a change announced by the store, visible from `visibleAt`. */
  record(change: RecordChange, visibleAt: number): void {
    switch (change.kind) {
      case "create":
        this.#noteRow(change.record);
        this.#pending.push(change.record.row, WriteKind.upsert, change.record, change.record.properties, change.at, visibleAt);
        return;
      case "update":
      case "restore":
        this.#pending.push(change.record.row, change.record.archived ? WriteKind.archive : WriteKind.upsert, change.record, change.record.properties, change.at, visibleAt);
        return;
      case "archive":
        this.#pending.push(change.record.row, WriteKind.archive, change.record, change.record.properties, change.at, visibleAt);
        return;
      case "purge":
        this.#pending.push(change.record.row, WriteKind.remove, undefined, undefined, change.at, visibleAt);
        return;
      case "merge":
        for (const id of change.previousIds) {
          const slot = this.slotOf(id);
          if (slot !== undefined) this.#pending.push(slot, WriteKind.remove, undefined, undefined, change.at, visibleAt);
        }
        this.#noteRow(change.survivor);
        this.#pending.push(change.survivor.row, WriteKind.upsert, change.survivor, change.survivor.properties, change.at, visibleAt);
        return;
      default: {
        const _exhaustive: never = change;
        return _exhaustive;
      }
    }
  }

  /** Applies every write whose moment has come by `now`. */
  catchUp(now: number): void {
    if (this.#pending.size > 0) this.#pending.drain(now, (write) => this.#apply(write));
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** The row (slot) the store gave an id, found by binary search: ids rise with rows. */
  slotOf(id: string): number | undefined {
    const target = Number(id);
    if (!Number.isSafeInteger(target)) return undefined;
    let lo = 0;
    let hi = this.#rowCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.#rowIds[mid]!;
      if (value === target) return mid;
      if (value < target) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The column of a property, built from the indexed versions on first use (and again if the property's type changed). */
  column(definition: PropertyDefinition): Column {
    const entry = this.#columns.get(definition.name);
    if (entry !== undefined && entry.type === definition.type && entry.fieldType === definition.fieldType) return entry.column;
    const column: Column = isNumericType(definition.type)
      ? new NumberColumn(definition.type, this.#capacity)
      : new StringColumn(definition.type !== "enumeration", definition.type === "enumeration" && definition.fieldType === "checkbox", this.#capacity);
    const name = definition.name;
    for (let slot = 0; slot < this.size; slot++) {
      const values = this.properties[slot];
      if (values !== undefined) column.set(slot, values[name]);
    }
    this.#columns.set(name, { type: definition.type, fieldType: definition.fieldType, column });
    return column;
  }

  #noteRow(record: StoredRecord): void {
    this.#ensureCapacity(record.row + 1);
    this.#rowIds[record.row] = Number(record.id);
    if (record.row >= this.#rowCount) this.#rowCount = record.row + 1;
  }

  #apply(write: PendingWrite): void {
    const slot = write.slot;
    if (write.seq <= this.#seq[slot]!) return;
    this.#seq[slot] = write.seq;
    if (slot >= this.size) this.size = slot + 1;
    const wasLive = this.live[slot] === 1;
    const isLive = write.kind === WriteKind.upsert;
    if (wasLive !== isLive) this.liveCount += isLive ? 1 : -1;
    this.live[slot] = isLive ? 1 : 0;
    this.records[slot] = write.record;
    this.updatedAt[slot] = write.at;
    const previous = this.properties[slot];
    const values = write.properties;
    this.properties[slot] = values;
    if (values === undefined || values === previous) return;
    for (const [name, { column }] of this.#columns) {
      const value = values[name];
      if (previous === undefined || previous[name] !== value) column.set(slot, value);
    }
  }

  #ensureCapacity(needed: number): void {
    if (needed <= this.#capacity) return;
    let capacity = this.#capacity;
    while (capacity < needed) capacity *= 2;
    this.updatedAt = grownFloat(this.updatedAt, capacity, 0);
    this.#seq = grownFloat(this.#seq, capacity, 0);
    this.#rowIds = grownFloat(this.#rowIds, capacity, 0);
    const live = new Uint8Array(capacity);
    live.set(this.live);
    this.live = live;
    for (const { column } of this.#columns.values()) column.grow(capacity);
    this.#capacity = capacity;
  }
}

function grownFloat(array: Float64Array, capacity: number, fill: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(capacity);
  if (fill !== 0) grown.fill(fill);
  grown.set(array);
  return grown;
}
