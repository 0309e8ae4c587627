import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { readStreamCursor, streamConfigHash } from "./stream-cursor.ts";

test("a current cursor reads back as written", () => {
  const cursor = { version: 1, configHash: "abc", since: { modifiedAt: 5, id: "7" }, lastListingAt: 3 };
  assert.deepEqual(readStreamCursor(cursor, "abc"), cursor);
  assert.equal(readStreamCursor(undefined, "abc"), undefined);
  assert.equal(readStreamCursor(null, "abc"), undefined);
});

test("an unversioned cursor (a bare position) is migrated to the current version", () => {
  assert.deepEqual(readStreamCursor({ modifiedAt: 1_700_000_000_000, id: null }, "h"), { version: 1, configHash: "h", since: { modifiedAt: 1_700_000_000_000, id: null } });
});

test("a cursor from a newer hubsync, or garbage, is refused rather than overwritten", () => {
  for (const raw of [{ version: 2, anything: true }, { nonsense: 1 }, "text"]) {
    assert.throws(() => readStreamCursor(raw, "h"), (error: unknown) => error instanceof HubsyncError && error.code === "STORE_FAILED" && error.details.fix !== undefined);
  }
});

test("the config hash changes with what the rows depend on, and only with it", () => {
  const a = streamConfigHash({ strategy: "incremental", properties: "all", filters: [], history: [] });
  assert.equal(a, streamConfigHash({ strategy: "incremental", properties: "all", filters: [], history: [] }));
  assert.notEqual(a, streamConfigHash({ strategy: "incremental", properties: "all", filters: [], history: ["email"] }));
});
