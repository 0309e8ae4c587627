import assert from "node:assert/strict";
import { test } from "node:test";
import { runId } from "../../core/ids.ts";
import { manualClock } from "../../store/test-support/manual-clock.ts";
import { captured } from "../test-support/cli-test-kit.ts";
import { outboundProgressLines } from "./outbound-progress-lines.ts";
import { outboundSummary } from "./test-support/outbound-summary-builder.ts";

test("without a TTY, an outbound run is a line per phase, running counts every 5 s, and each phase's totals", () => {
  const out = captured();
  const clock = manualClock(0);
  const view = outboundProgressLines(out, clock, "users");
  view.onProgress({ kind: "run-started", runId: runId("r-1"), sync: "users", dryRun: false });
  view.onProgress({ kind: "phase-started", phase: "records" });
  view.onProgress({ kind: "rows-read", rows: 100, changed: 40, invalid: 1 });
  view.onProgress({ kind: "batch", phase: "records", sent: 40, succeeded: 39, failed: 1 });
  clock.advance(2_000);
  view.onProgress({ kind: "rows-read", rows: 150, changed: 90, invalid: 1 });
  view.onProgress({ kind: "batch", phase: "records", sent: 50, succeeded: 50, failed: 0 });
  view.onProgress({ kind: "rate-limit-wait", ms: 1_500 });
  clock.advance(4_000);
  view.onProgress({ kind: "phase-started", phase: "associations" });
  view.onProgress({ kind: "batch", phase: "associations", sent: 80, succeeded: 80, failed: 0 });
  clock.advance(500);
  view.onProgress({ kind: "run-finished", summary: outboundSummary() });
  view.stop();
  assert.deepEqual(out.text().split("\n"), [
    "users: run r-1 started",
    "users/records: started",
    "users: 100 source rows read: 40 changed, 1 invalid",
    "users/records: 40 sent, 39 succeeded, 1 failed in 1 batch",
    "users/records: waiting 1.5 s for HubSpot's rate limit",
    "users/records: done — 90 sent, 89 succeeded, 1 failed in 2 batches in 6.0 s",
    "users/associations: started",
    "users/associations: 80 sent, 80 succeeded, 0 failed in 1 batch",
    "users/associations: done — 80 sent, 80 succeeded, 0 failed in 1 batch in 500 ms",
    "users: 150 source rows read: 90 changed, 1 invalid",
    "",
  ]);
});

test("a dry run says so when it starts and while planning", () => {
  const out = captured();
  const view = outboundProgressLines(out, manualClock(0), "gifts");
  view.onProgress({ kind: "run-started", runId: runId("r-2"), sync: "gifts", dryRun: true });
  view.onProgress({ kind: "phase-started", phase: "records" });
  assert.equal(out.text(), "gifts: run r-2 started — dry run: reads the source and HubSpot, writes nothing\ngifts/records: started (planning only)\n");
});
