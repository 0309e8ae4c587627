import assert from "node:assert/strict";
import { test } from "node:test";
import { runId, syncId } from "../../core/ids.ts";
import { bothStores } from "../test-support/both-stores.ts";
import { testSync } from "../test-support/record-builders.ts";
import { canTransition, runStatuses, runTransitions } from "./run-status.ts";

test("the run lifecycle: final statuses go nowhere; nothing returns to queued", () => {
  for (const status of ["succeeded", "failed", "cancelled"] as const) assert.deepEqual(runTransitions[status], []);
  assert.ok(runStatuses.every((from) => !canTransition(from, "queued")));
  assert.ok(canTransition("queued", "running"));
  assert.ok(!canTransition("queued", "succeeded"));
});

bothStores("a run moves through its lifecycle; illegal transitions are refused", async ({ store, clock }) => {
  const run = await store.createRun({ sync: testSync, status: "queued", id: "run-a" });
  assert.equal(run.status, "queued");
  assert.equal(run.startedAt, "2024-03-01T12:00:00.000Z");

  const early = await store.transitionRun(run.id, "succeeded");
  assert.equal(early.ok, false);
  if (!early.ok) assert.equal(early.error.code, "RUN_ILLEGAL_TRANSITION");

  const running = await store.transitionRun(run.id, "running");
  assert.ok(running.ok);
  const progress = await store.recordRunProgress(run.id, { counts: { "contacts.upserted": 100 }, apiCalls: 3 });
  assert.ok(progress.ok);
  assert.deepEqual(progress.value.counts, { "contacts.upserted": 100 });

  clock.advance(90_000);
  const failed = await store.transitionRun(run.id, "failed", {
    apiCalls: 7,
    errors: [{ message: "rate limited", code: "HUBSPOT_RATE_LIMITED", stream: "contacts" }],
    errorMessage: "HubSpot kept answering 429",
  });
  assert.ok(failed.ok);
  assert.equal(failed.value.finishedAt, "2024-03-01T12:01:30.000Z");

  const stored = await store.getRun(run.id);
  assert.deepEqual(stored, {
    id: "run-a",
    sync: testSync,
    status: "failed",
    startedAt: "2024-03-01T12:00:00.000Z",
    finishedAt: "2024-03-01T12:01:30.000Z",
    counts: { "contacts.upserted": 100 },
    apiCalls: 7,
    errors: [{ message: "rate limited", code: "HUBSPOT_RATE_LIMITED", stream: "contacts" }],
    errorMessage: "HubSpot kept answering 429",
  });

  for (const to of ["running", "succeeded", "cancelled", "queued"] as const) {
    const again = await store.transitionRun(run.id, to);
    assert.equal(again.ok, false, `failed → ${to}`);
  }
  const late = await store.recordRunProgress(run.id, { apiCalls: 8 });
  assert.equal(late.ok, false, "a finished run takes no more progress");
  assert.equal((await store.getRun(run.id))?.apiCalls, 7);

  const missing = await store.transitionRun(runId("nope"), "running");
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.equal(missing.error.code, "RUN_NOT_FOUND");
});

bothStores("two processes finishing one run: exactly one wins", async ({ store, open }) => {
  const other = await open();
  const run = await store.createRun({ sync: testSync });
  const results = await Promise.all([store.transitionRun(run.id, "succeeded"), other.transitionRun(run.id, "failed")]);
  assert.equal(results.filter((r) => r.ok).length, 1);
});

bothStores("runs list newest first, per sync", async ({ store, clock }) => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    ids.push((await store.createRun({ sync: testSync, id: `r${i}` })).id);
    clock.advance(1_000);
  }
  await store.createRun({ sync: syncId("other"), id: "x" });
  assert.deepEqual((await store.listRuns({ sync: testSync })).map((r) => r.id), ["r2", "r1", "r0"]);
  assert.deepEqual((await store.listRuns({ limit: 2 })).map((r) => r.id), ["x", "r2"]);
});

bothStores("the audit log keeps a run's entries in order, with details; a transaction's entries roll back with it", async ({ store, clock }) => {
  const run = await store.createRun({ sync: testSync, id: "run-audit" });
  await store.appendAudit([
    { runId: run.id, level: "info", stream: "contacts", action: "page", message: "100 records", details: { page: 1 } },
    { runId: run.id, level: "error", stream: "contacts", recordId: "42", action: "coercion_failed", message: "amount is not a number" },
  ]);
  clock.advance(5);
  await assert.rejects(
    store.transaction(async (tx) => {
      await store.appendAudit([{ runId: run.id, level: "info", action: "never", message: "rolled back" }], tx);
      throw new Error("abort");
    }),
  );
  await store.appendAudit([{ level: "warn", action: "webhook", message: "outside any run" }]);
  const entries = await store.auditEntries(run.id);
  assert.deepEqual(
    entries.map((e) => [e.level, e.stream, e.recordId, e.action, e.message, e.details, e.at]),
    [
      ["info", "contacts", null, "page", "100 records", { page: 1 }, "2024-03-01T12:00:00.000Z"],
      ["error", "contacts", "42", "coercion_failed", "amount is not a number", null, "2024-03-01T12:00:00.000Z"],
    ],
  );
  assert.deepEqual((await store.auditEntries(run.id, { levels: ["error"] })).map((e) => e.recordId), ["42"]);
  assert.deepEqual(await store.auditEntries(run.id, { levels: [] }), []);
});
