import assert from "node:assert/strict";
import { test } from "node:test";
import { RollingWindow } from "./rolling-window.ts";

test("a call leaves the window exactly windowMs after it was made", () => {
  const window = new RollingWindow(1000);
  window.add(0);
  window.add(500);
  assert.equal(window.count(999), 2);
  assert.equal(window.count(1000), 1);
  assert.equal(window.count(1500), 0);
});

test("a long run keeps counting correctly across compaction", () => {
  const window = new RollingWindow(10);
  for (let t = 0; t < 10_000; t += 1) {
    window.add(t);
    assert.equal(window.count(t), Math.min(t + 1, 10));
  }
});
