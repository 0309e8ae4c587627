import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../random.ts";
import { NumberColumn } from "./number-column.ts";
import { NumberInRange } from "./slot-filter.ts";

test("range scans skip blocks by their bounds yet find every match, through updates that move values anywhere", () => {
  const random = seededRandom(5);
  const n = 5000;
  const column = new NumberColumn("number", 1024);
  const values: number[] = [];
  const write = (slot: number, value: number) => {
    values[slot] = value;
    column.set(slot, Number.isNaN(value) ? undefined : String(value));
  };
  let capacity = 1024;
  for (let slot = 0; slot < n; slot++) {
    if (slot >= capacity) column.grow((capacity *= 2));
    // Rising with creation, one block with no values at all.
    write(slot, slot >= 2048 && slot < 3072 ? Number.NaN : slot * 10);
  }
  assert.equal(new NumberInRange(column, 40_000, 40_010).scanCost(n), 1024, "a narrow range on rising values overlaps one block");
  for (let i = 0; i < 300; i++) write(Math.floor(random() * n), Math.floor(random() * 100_000) - 20_000);
  const live = new Uint8Array(capacity).fill(1);
  live[17] = 0;
  for (const [lo, hi] of [[0, 100], [25_000, 26_000], [-Infinity, 5], [49_000, Infinity], [-20_000, -1], [-Infinity, Infinity]] as const) {
    const filter = new NumberInRange(column, lo, hi);
    const out = new Int32Array(n);
    const count = filter.scan(live, n, out);
    const expected = values.flatMap((v, slot) => (v >= lo && v <= hi && live[slot] === 1 ? [slot] : []));
    assert.deepEqual([...out.subarray(0, count)], expected, `[${lo}, ${hi}]`);
    assert.ok(filter.scanCost(n) >= expected.length);
  }
});
