import { BLOCK_SHIFT, type NumberColumn } from "./number-column.ts";

/**
 * One compiled filter over index slots. Each kind runs its own tight loop over typed arrays
 * (one monomorphic loop per filter, not one closure call per slot), which is what keeps a
 * search over a million records within milliseconds. The hot loops are branch-free: every
 * slot is written to the output and the count advances only on a match, so random data
 * costs no mispredicted branches (about twice as fast as `if (match) out[n++] = i`).
 */
export interface SlotFilter {
  /** Rough cost of testing one slot: after the driving scan, the cheaper filters refine first. */
  readonly cost: number;
  /** Slots a scan would visit: the group's cheapest scan drives it, the other filters refine. */
  scanCost(n: number): number;
  /** Writes the live slots below `n` that match into `out`, ascending; returns how many. */
  scan(live: Uint8Array, n: number, out: Int32Array): number;
  /** Keeps the selected slots that match, compacting `sel` in place; returns how many remain. */
  refine(sel: Int32Array, count: number): number;
}

/** Keeps the selected slots whose code is marked in `mask`. */
export function refineByMask(codes: Int32Array, mask: Uint8Array, sel: Int32Array, count: number): number {
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const i = sel[j]!;
    sel[kept] = i;
    kept += mask[codes[i]!]!;
  }
  return kept;
}

/** Slots whose dictionary code is marked in `mask` (one entry per distinct value). */
export class CodeInMask implements SlotFilter {
  readonly cost = 3;
  readonly #codes: Int32Array;
  readonly #mask: Uint8Array;

  constructor(codes: Int32Array, mask: Uint8Array) {
    this.#codes = codes;
    this.#mask = mask;
  }

  scanCost(n: number): number {
    return n;
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    const codes = this.#codes;
    const mask = this.#mask;
    let count = 0;
    for (let i = 0; i < n; i++) {
      out[count] = i;
      count += mask[codes[i]!]! & live[i]!;
    }
    return count;
  }

  refine(sel: Int32Array, count: number): number {
    return refineByMask(this.#codes, this.#mask, sel, count);
  }
}

/**
 * Slots whose number lies in [lo, hi]; strict bounds are compiled to the neighbouring double.
 * NaN (no value) never matches. Blocks whose zone-map bounds miss the range are skipped.
 */
export class NumberInRange implements SlotFilter {
  readonly cost = 2;
  readonly #column: NumberColumn;
  readonly #lo: number;
  readonly #hi: number;

  constructor(column: NumberColumn, lo: number, hi: number) {
    this.#column = column;
    this.#lo = lo;
    this.#hi = hi;
  }

  scanCost(n: number): number {
    const { blockMin, blockMax } = this.#column;
    const blocks = (n + (1 << BLOCK_SHIFT) - 1) >> BLOCK_SHIFT;
    let overlapping = 0;
    for (let b = 0; b < blocks; b++) overlapping += +(blockMax[b]! >= this.#lo) & +(blockMin[b]! <= this.#hi);
    return overlapping << BLOCK_SHIFT;
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    const { values, blockMin, blockMax } = this.#column;
    const lo = this.#lo;
    const hi = this.#hi;
    let count = 0;
    for (let start = 0; start < n; start += 1 << BLOCK_SHIFT) {
      const block = start >> BLOCK_SHIFT;
      if (blockMax[block]! < lo || blockMin[block]! > hi) continue;
      const end = Math.min(n, start + (1 << BLOCK_SHIFT));
      for (let i = start; i < end; i++) {
        const v = values[i]!;
        out[count] = i;
        count += +(v >= lo) & +(v <= hi) & live[i]!;
      }
    }
    return count;
  }

  refine(sel: Int32Array, count: number): number {
    const values = this.#column.values;
    const lo = this.#lo;
    const hi = this.#hi;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      const i = sel[j]!;
      const v = values[i]!;
      sel[kept] = i;
      kept += +(v >= lo) & +(v <= hi);
    }
    return kept;
  }
}

/** Slots marked in a per-slot mask (association filters, computed from the other side). */
export class SlotInMask implements SlotFilter {
  readonly cost = 2;
  readonly #mask: Uint8Array;

  constructor(mask: Uint8Array) {
    this.#mask = mask;
  }

  scanCost(n: number): number {
    return n;
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    const mask = this.#mask;
    const end = Math.min(n, mask.length);
    let count = 0;
    for (let i = 0; i < end; i++) if (mask[i] === 1 && live[i] === 1) out[count++] = i;
    return count;
  }

  refine(sel: Int32Array, count: number): number {
    const mask = this.#mask;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      const i = sel[j]!;
      if (mask[i] === 1) sel[kept++] = i;
    }
    return kept;
  }
}

/** Anything else, one call per slot: free-text queries and rare operators where speed matters less. */
export class SlotPredicate implements SlotFilter {
  readonly cost: number;
  readonly #test: (slot: number) => boolean;

  constructor(test: (slot: number) => boolean, cost = 10) {
    this.#test = test;
    this.cost = cost;
  }

  scanCost(n: number): number {
    return n * 8;
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    const test = this.#test;
    let count = 0;
    for (let i = 0; i < n; i++) if (live[i] === 1 && test(i)) out[count++] = i;
    return count;
  }

  refine(sel: Int32Array, count: number): number {
    const test = this.#test;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      const i = sel[j]!;
      if (test(i)) sel[kept++] = i;
    }
    return kept;
  }
}

/** Every live slot. */
export class AnySlot implements SlotFilter {
  readonly cost = 100;

  scanCost(n: number): number {
    return n;
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    let count = 0;
    for (let i = 0; i < n; i++) if (live[i] === 1) out[count++] = i;
    return count;
  }

  refine(_sel: Int32Array, count: number): number {
    return count;
  }
}

/** No slot (an EQ on a value nobody holds). */
export class NoSlot implements SlotFilter {
  readonly cost = 0;

  scanCost(): number {
    return 0;
  }

  scan(): number {
    return 0;
  }

  refine(): number {
    return 0;
  }
}
