/** One record's membership: when it joined, and its place in join order. */
export interface Membership {
  recordId: string;
  addedAt: number;
  seq: number;
}

/** Which way a membership page is read: by record id (the default) or by the time records joined. */
export type MembershipOrder = "id" | "join";

export interface MembershipPage {
  memberships: Membership[];
  /** Cursor positions (a record id, or a join sequence number) for the next and previous pages. */
  next: string | undefined;
  prev: string | undefined;
}

// Record ids are digit strings: a shorter one is the smaller number.
const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records in one list. Sorted views are built lazily and dropped on every change, so a
 * client paging through 100,000 members sorts once, not once per page.
 */
export class ListMembers {
  readonly #byId = new Map<string, Membership>();
  #seq = 0;
  #byIdOrder: Membership[] | undefined;
  /** When a record last joined (kept after it leaves, as HubSpot's hs_last_record_added_at is). */
  lastAddedAt: number | undefined;

  get size(): number {
    return this.#byId.size;
  }

  has(recordId: string): boolean {
    return this.#byId.has(recordId);
  }

  get(recordId: string): Membership | undefined {
    return this.#byId.get(recordId);
  }

  /** Adds a record; false when it already was a member (its join time stays). */
  add(recordId: string, at: number): boolean {
    if (this.#byId.has(recordId)) return false;
    this.#byId.set(recordId, { recordId, addedAt: at, seq: ++this.#seq });
    this.lastAddedAt = at;
    this.#byIdOrder = undefined;
    return true;
  }

  remove(recordId: string): boolean {
    const removed = this.#byId.delete(recordId);
    if (removed) this.#byIdOrder = undefined;
    return removed;
  }

  clear(): void {
    this.#byId.clear();
    this.#byIdOrder = undefined;
  }

  /** Members in join order (a Map keeps insertion order, and a re-added record is re-inserted). */
  inJoinOrder(): Membership[] {
    return [...this.#byId.values()];
  }

  /** A page after the `after` position, or before the `before` one, in the given order. */
  page(order: MembershipOrder, limit: number, cursor: { after?: string; before?: string }): MembershipPage {
    const all = order === "id" ? this.#sortedById() : this.inJoinOrder();
    const key = (m: Membership): string => (order === "id" ? m.recordId : String(m.seq));
    const compare = order === "id" ? compareIds : (a: string, b: string): number => Number(a) - Number(b);
    let start: number;
    let end: number;
    if (cursor.before !== undefined) {
      end = firstIndex(all, (m) => compare(key(m), cursor.before ?? "") >= 0);
      start = Math.max(0, end - limit);
    } else {
      start = cursor.after === undefined ? 0 : firstIndex(all, (m) => compare(key(m), cursor.after ?? "") > 0);
      end = Math.min(all.length, start + limit);
    }
    const memberships = all.slice(start, end);
    const first = memberships[0];
    const last = memberships[memberships.length - 1];
    return {
      memberships,
      next: end < all.length && last !== undefined ? key(last) : undefined,
      prev: start > 0 && first !== undefined ? key(first) : undefined,
    };
  }

  #sortedById(): Membership[] {
    this.#byIdOrder ??= [...this.#byId.values()].sort((a, b) => compareIds(a.recordId, b.recordId));
    return this.#byIdOrder;
  }
}

/** Index of the first element for which `test` holds, in an array where it holds for a suffix. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = items[mid];
    if (item !== undefined && test(item)) high = mid;
    else low = mid + 1;
  }
  return low;
}
