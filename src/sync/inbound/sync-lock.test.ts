import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { syncId } from "../../core/ids.ts";
import { openStore } from "../../store/index.ts";
import { manualClock } from "../../store/test-support/manual-clock.ts";
import { acquireSyncLock } from "./sync-lock.ts";

test("a lease taken over after it expired stops its old holder at its next commit, and the old holder's release leaves the new one alone", async () => {
  const clock = manualClock();
  const store = await openStore({ kind: "sqlite", path: ":memory:" }, { clock });
  let ids = 0;
  const options = { leaseMs: 1_000, newId: () => `owner-${++ids}` };
  try {
    const first = await acquireSyncLock(store, syncId("s"), clock, options);
    assert.ok(first.ok);
    const blocked = await acquireSyncLock(store, syncId("s"), clock, options);
    assert.ok(!blocked.ok && blocked.error.code === "SYNC_ALREADY_RUNNING");
    assert.ok((await acquireSyncLock(store, syncId("other"), clock, options)).ok, "locks are per sync");

    clock.advance(500);
    await store.transaction((tx) => first.value.renewIfDue(tx));
    clock.advance(700);
    assert.ok(!(await acquireSyncLock(store, syncId("s"), clock, options)).ok, "the renewal kept the lease alive");

    clock.advance(1_500);
    const second = await acquireSyncLock(store, syncId("s"), clock, options);
    assert.ok(second.ok, "an expired lease can be taken over");
    await assert.rejects(
      store.transaction((tx) => first.value.renewIfDue(tx)),
      (error: unknown) => error instanceof HubsyncError && error.code === "SYNC_ALREADY_RUNNING",
    );
    await first.value.release();
    assert.ok(!(await acquireSyncLock(store, syncId("s"), clock, options)).ok, "the old holder did not free the new holder's lock");
    await second.value.release();
    assert.ok((await acquireSyncLock(store, syncId("s"), clock, options)).ok);
  } finally {
    await store.close();
  }
});
