import type { PropertyValues, StoredRecord } from "../state/stored-record.ts";

/** What a write does to the index once it becomes visible. */
export const WriteKind = { upsert: 0, archive: 1, remove: 2 } as const;
export type WriteKind = (typeof WriteKind)[keyof typeof WriteKind];

/** A write waiting for its moment. */
export interface PendingWrite {
  seq: number;
  slot: number;
  kind: WriteKind;
  record: StoredRecord | undefined;
  /** The properties object as it was when written: the record's own object is replaced by later writes. */
  properties: PropertyValues | undefined;
  at: number;
}

/**
 * Writes the index has been told of but may not show yet, each visible from `visibleAt`.
 * Kept as parallel arrays rather than one object per write: a bulk load of a million records
 * queues a million entries before the first search applies them.
 */
export class PendingWrites {
  #seq = 0;
  #head = 0;
  /** True while visibleAt never decreases along the queue (the lag did not shrink), so due writes sit at the head. */
  #ordered = true;
  #seqs: number[] = [];
  #slots: number[] = [];
  #kinds: WriteKind[] = [];
  #records: Array<StoredRecord | undefined> = [];
  #properties: Array<PropertyValues | undefined> = [];
  #ats: number[] = [];
  #visibleAts: number[] = [];

  get size(): number {
    return this.#seqs.length - this.#head;
  }

  push(slot: number, kind: WriteKind, record: StoredRecord | undefined, properties: PropertyValues | undefined, at: number, visibleAt: number): void {
    const last = this.#visibleAts.length > this.#head ? this.#visibleAts[this.#visibleAts.length - 1]! : -Infinity;
    if (visibleAt < last) this.#ordered = false;
    this.#seqs.push(++this.#seq);
    this.#slots.push(slot);
    this.#kinds.push(kind);
    this.#records.push(record);
    this.#properties.push(properties);
    this.#ats.push(at);
    this.#visibleAts.push(visibleAt);
  }

  /** Hands every write visible at `now` to `apply`, in write order, and forgets it. */
  drain(now: number, apply: (write: PendingWrite) => void): void {
    if (this.#ordered) {
      while (this.#head < this.#seqs.length && this.#visibleAts[this.#head]! <= now) apply(this.#at(this.#head++));
    } else {
      let kept = this.#head;
      for (let i = this.#head; i < this.#seqs.length; i++) {
        if (this.#visibleAts[i]! <= now) apply(this.#at(i));
        else this.#move(i, kept++);
      }
      this.#truncate(kept);
      this.#ordered = this.#visibleAts.every((v, i, all) => i <= this.#head || v >= all[i - 1]!);
    }
    this.#compact();
  }

  #at(i: number): PendingWrite {
    return { seq: this.#seqs[i]!, slot: this.#slots[i]!, kind: this.#kinds[i]!, record: this.#records[i], properties: this.#properties[i], at: this.#ats[i]! };
  }

  #move(from: number, to: number): void {
    if (from === to) return;
    this.#seqs[to] = this.#seqs[from]!;
    this.#slots[to] = this.#slots[from]!;
    this.#kinds[to] = this.#kinds[from]!;
    this.#records[to] = this.#records[from];
    this.#properties[to] = this.#properties[from];
    this.#ats[to] = this.#ats[from]!;
    this.#visibleAts[to] = this.#visibleAts[from]!;
  }

  #truncate(length: number): void {
    for (const list of [this.#seqs, this.#slots, this.#kinds, this.#records, this.#properties, this.#ats, this.#visibleAts]) list.length = length;
  }

  /** Drops applied entries so the queue's memory follows the writes still in flight, not all writes ever made. */
  #compact(): void {
    if (this.#head === this.#seqs.length) {
      this.#head = 0;
      this.#truncate(0);
      this.#ordered = true;
    } else if (this.#head > 1024 && this.#head * 2 > this.#seqs.length) {
      const from = this.#head;
      this.#seqs = this.#seqs.slice(from);
      this.#slots = this.#slots.slice(from);
      this.#kinds = this.#kinds.slice(from);
      this.#records = this.#records.slice(from);
      this.#properties = this.#properties.slice(from);
      this.#ats = this.#ats.slice(from);
      this.#visibleAts = this.#visibleAts.slice(from);
      this.#head = 0;
    }
  }
}
