import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../random.ts";
import { CodesIn } from "./codes-in.ts";
import { StringColumn } from "./string-column.ts";

/** What an EQ/IN through the posting lists must return: every live slot holding one of the values, ascending. */
function expected(values: Array<string | undefined>, live: Uint8Array, wanted: string[]): number[] {
  return values.flatMap((v, slot) => (v !== undefined && wanted.includes(v) && live[slot] === 1 ? [slot] : []));
}

test("posting lists stay right through thousands of moves, appends and a rebuild", () => {
  const random = seededRandom(11);
  const stages = ["a", "b", "c", "d"];
  const n = 6000;
  const column = new StringColumn(true, false, 16_384);
  const values: Array<string | undefined> = [];
  const live = new Uint8Array(16_384);
  for (let slot = 0; slot < n; slot++) {
    values[slot] = stages[Math.floor(random() * 4)];
    column.set(slot, values[slot]);
    live[slot] = random() < 0.9 ? 1 : 0;
  }
  const check = (size: number) => {
    for (const wanted of [["a"], ["b", "d"], ["a", "b", "c"]]) {
      const filter = new CodesIn(column, wanted.map((w) => column.codeOf(w)!));
      const out = new Int32Array(size);
      const count = filter.scan(live, size, out);
      assert.deepEqual([...out.subarray(0, count)], expected(values.slice(0, size), live, wanted), wanted.join());
    }
  };
  check(n);
  // Enough moves to pass the rebuild threshold, some back and forth, plus appended slots.
  let size = n;
  for (let step = 0; step < 9000; step++) {
    if (step % 10 === 0) {
      values[size] = stages[Math.floor(random() * 4)];
      column.set(size, values[size]);
      live[size] = 1;
      size++;
    }
    const slot = Math.floor(random() * size);
    values[slot] = random() < 0.1 ? undefined : stages[Math.floor(random() * 4)];
    column.set(slot, values[slot]);
    if (step % 1500 === 0) check(size);
  }
  check(size);
});

test("a value first seen after the lists were built, left and taken again, is found once", () => {
  const column = new StringColumn(true, false, 64);
  const values: Array<string | undefined> = ["a", "b", "a", "b"];
  values.forEach((v, slot) => column.set(slot, v));
  const live = new Uint8Array(64).fill(1);
  const find = (value: string) => {
    const out = new Int32Array(4);
    const count = new CodesIn(column, [column.codeOf(value)!]).scan(live, 4, out);
    return [...out.subarray(0, count)];
  };
  assert.deepEqual(find("a"), [0, 2]);
  for (const value of ["new", "a", "new", "b", "new"]) column.set(1, value);
  assert.deepEqual(find("new"), [1]);
  assert.deepEqual(find("b"), [3]);
});
