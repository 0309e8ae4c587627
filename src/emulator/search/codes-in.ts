import { refineByMask, type SlotFilter } from "./slot-filter.ts";
import type { StringColumn } from "./string-column.ts";

/**
 * Slots holding one of a few codes (EQ, IN), scanned through the column's posting lists:
 * visits only the candidates, checking each one's current code (lists may hold stale entries)
 * and liveness.
 */
export class CodesIn implements SlotFilter {
  readonly cost = 1;
  readonly #column: StringColumn;
  readonly #codes: number[];
  readonly #mask: Uint8Array;

  constructor(column: StringColumn, codes: number[]) {
    this.#column = column;
    this.#codes = codes;
    this.#mask = new Uint8Array(column.dict.length);
    for (const code of codes) this.#mask[code] = 1;
  }

  scanCost(n: number): number {
    const postings = this.#column.postings(n);
    const visits = this.#codes.reduce((sum, code) => sum + postings.sizeOf(code), 0);
    return this.#codes.length === 1 ? visits : Math.min(n, MERGE_COST * visits);
  }

  scan(live: Uint8Array, n: number, out: Int32Array): number {
    const postings = this.#column.postings(n);
    const runs = this.#codes.flatMap((code) => postings.runs(code)).filter((run) => run.length > 0);
    const codes = this.#column.codes;
    const mask = this.#mask;
    const visits = runs.reduce((sum, run) => sum + run.length, 0);
    // Merging interleaved lists branches unpredictably; past a point a straight pass over every slot is cheaper.
    if (runs.length > 1 && MERGE_COST * visits >= n) return scanByMask(codes, mask, live, n, out);
    if (runs.length === 1) {
      // One run may still name a slot twice: a slot that left a value and came back is noted each time.
      const run = runs[0]!;
      let count = 0;
      let last = -1;
      for (let j = 0; j < run.length; j++) {
        const i = run[j]!;
        out[count] = i;
        count += +(i !== last) & mask[codes[i]!]! & live[i]!;
        last = i;
      }
      return count;
    }
    return mergeRuns(runs, codes, mask, live, out);
  }

  refine(sel: Int32Array, count: number): number {
    return refineByMask(this.#column.codes, this.#mask, sel, count);
  }
}

/** How much dearer a merged candidate is than a slot of a straight branch-free pass. */
const MERGE_COST = 4;

function scanByMask(codes: Int32Array, mask: Uint8Array, live: Uint8Array, n: number, out: Int32Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    out[count] = i;
    count += mask[codes[i]!]! & live[i]!;
  }
  return count;
}

/** Merges ascending runs into `out`, each live slot whose code is in `mask` once. */
function mergeRuns(runs: Int32Array[], codes: Int32Array, mask: Uint8Array, live: Uint8Array, out: Int32Array): number {
  let merged = runs[0]!;
  for (let r = 1; r < runs.length; r++) merged = mergeTwo(merged, runs[r]!);
  let count = 0;
  let last = -1;
  for (let j = 0; j < merged.length; j++) {
    const i = merged[j]!;
    out[count] = i;
    count += +(i !== last) & mask[codes[i]!]! & live[i]!;
    last = i;
  }
  return count;
}

function mergeTwo(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
