import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkRows } from "./chunk-rows.ts";

test("chunks keep every statement within the parameter limit and lose no row", () => {
  const rows = Array.from({ length: 10 }, (_, i) => i);
  const chunks = chunkRows(rows, 3, 10, 1);
  assert.deepEqual(chunks.map((c) => c.length), [3, 3, 3, 1]);
  assert.deepEqual(chunks.flat(), rows);
  assert.deepEqual(chunkRows([], 3, 10), []);
  assert.deepEqual(chunkRows([1, 2], 50, 10).map((c) => c.length), [1, 1], "at least one row per statement");
});
