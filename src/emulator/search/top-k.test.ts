import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../random.ts";
import { topByNumber, topByRank } from "./top-k.ts";

/** The reference: every selected slot sorted by (key, slot), no value last. */
function fullSort(sel: number[], keyOf: (slot: number) => number): number[] {
  return [...sel].sort((a, b) => keyOf(a) - keyOf(b) || a - b || 0);
}

const random = seededRandom(3);
const n = 3000;
const selected = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.7);
const sel = Int32Array.from(selected);
const ks = [0, 1, 7, 200, selected.length, selected.length + 5];

test("topByNumber agrees with a full sort: random, tied, missing and creation-ordered keys, both directions, any k", () => {
  const shapes: Record<string, (i: number) => number> = {
    random: () => random() * 1000,
    ties: () => Math.floor(random() * 5),
    missing: () => (random() < 0.3 ? Number.NaN : Math.floor(random() * 50)),
    rising: (i) => i * 10 + Math.floor(random() * 3),
    falling: (i) => -i,
    flat: () => 7,
  };
  for (const [shape, valueAt] of Object.entries(shapes)) {
    const values = Float64Array.from({ length: n }, (_, i) => valueAt(i));
    for (const descending of [false, true]) {
      const keyOf = (slot: number) => (Number.isNaN(values[slot]!) ? Infinity : (descending ? -1 : 1) * values[slot]!);
      for (const k of ks) {
        assert.deepEqual([...topByNumber(sel, sel.length, values, descending, k)], fullSort(selected, keyOf).slice(0, k), `${shape} ${descending ? "desc" : "asc"} k=${k}`);
      }
    }
  }
});

test("topByRank agrees with a full sort, no value (code 0) last both ways", () => {
  const ranks = Int32Array.from([9, 3, 0, 2, 1, 4, 5, 6, 7]);
  const codes = Int32Array.from({ length: n }, () => Math.floor(random() * 9));
  for (const descending of [false, true]) {
    const keyOf = (slot: number) => (codes[slot] === 0 ? Infinity : (descending ? -1 : 1) * ranks[codes[slot]!]!);
    for (const k of ks) {
      assert.deepEqual([...topByRank(sel, sel.length, codes, ranks, descending, k)], fullSort(selected, keyOf).slice(0, k), `${descending ? "desc" : "asc"} k=${k}`);
    }
  }
});
