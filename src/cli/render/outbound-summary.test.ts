import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { runId } from "../../core/ids.ts";
import { outboundExitCode } from "../commands/run-outbound.ts";
import { exitCodes } from "../exit-code.ts";
import { outboundProgressBars } from "./outbound-progress-bars.ts";
import { describeChanges, renderOutboundSummary } from "./outbound-summary.ts";
import { outboundSummary } from "./test-support/outbound-summary-builder.ts";

test("a run's summary: the calls made, the counts (optional ones only when not zero), what to do about failures and orphans", () => {
  const summary = outboundSummary({ rowsRead: 30, unchanged: 5, created: 20, updated: 3, failed: 2, associationsCreated: 18, listAdded: 23, orphans: 4, apiCalls: 14, writeCalls: 6 });
  assert.equal(
    renderOutboundSummary(summary),
    [
      "users: run 3f2a9c1e-0000-4000-8000-000000000000 succeeded in 1.3 s — 14 HubSpot API calls, 6 of them writes",
      "",
      "rows                      count",
      "────────────────────────  ─────",
      "rows read                    30",
      "unchanged (not sent)          5",
      "created                      20",
      "updated                       3",
      "failed (HubSpot refused)      2",
      "associations added           18",
      "added to the list            23",
      "orphans (target missing)      4",
      "",
      "2 rows were not written. Each one, with HubSpot's message: hubsync logs 3f2a9c1e-0000-4000-8000-000000000000 --level warn",
      "",
      "4 rows wait for an association target that does not exist yet; `hubsync reassociate users` links them once it does (every run retries them too).",
      "",
    ].join("\n"),
  );
  assert.equal(describeChanges(summary), "20 created, 3 updated, 18 associations added, 23 added to the list, 2 failed, 4 orphans");
  assert.equal(describeChanges(outboundSummary({ rowsRead: 30, unchanged: 30 })), "0 changes");
  assert.equal(outboundExitCode(summary), exitCodes.failed, "rows not written: finished with failures");
  assert.equal(outboundExitCode(outboundSummary({ orphans: 3 })), exitCodes.ok, "orphans are not failures");
});

test("a dry run's plan: every kind of change counted, then samples naming rows and records", () => {
  const text = renderOutboundSummary(
    outboundSummary({
      dryRun: true,
      rowsRead: 4,
      apiCalls: 3,
      plan: {
        creates: 2,
        updates: 1,
        unchanged: 1,
        archives: 0,
        associationsToCreate: 3,
        associationsToRemove: 1,
        listAdds: 3,
        listRemoves: 0,
        samples: [
          { change: "create", rowKey: "u2", detail: "email=bob@globex.example" },
          { change: "update", rowKey: "u1", hubspotId: "501", detail: "firstname: Ada → Ada L." },
        ],
      },
    }),
  );
  assert.match(text, /^users: dry run \S+ planned in 1\.3 s — 3 HubSpot API calls, no writes\n\nPlan \(nothing was written\):\n/);
  assert.match(text, /\nto create\s+2\nto update\s+1\nto archive\s+0\nassociations to add\s+3\nassociations to remove\s+1\nto add to the list\s+3\n/);
  assert.match(text, /\nSamples:\nchange\s+row\s+HubSpot id\s+detail\n─+.*\ncreate\s+u2\s+email=bob@globex\.example\nupdate\s+u1\s+501\s+firstname: Ada → Ada L\.\n/);
  assert.match(text, /Run it without --dry-run to write these changes\.\n$/);
});

test("a failed run shows its error with the fix, and exits with its code", () => {
  const summary = outboundSummary({ status: "failed", error: { code: "SOURCE_FAILED", message: "no such table: app_userz" } });
  assert.match(renderOutboundSummary(summary), /\nerror: The outbound sync's source cannot be read \(SOURCE_FAILED\)\n {2}no such table: app_userz\nfix: Check the sync's source/);
  assert.equal(outboundExitCode(summary), exitCodes.ioError);
  assert.equal(outboundExitCode(outboundSummary({ status: "cancelled" })), exitCodes.interrupted);
});

test("on a terminal: a line for the source and one per phase, with sent, ok, failed, batches and waits", () => {
  let written = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns: 160 });
  const view = outboundProgressBars(stream as unknown as NodeJS.WriteStream);
  view.onProgress({ kind: "run-started", runId: runId("r-1"), sync: "users", dryRun: false });
  view.onProgress({ kind: "phase-started", phase: "records" });
  view.onProgress({ kind: "rows-read", rows: 100, changed: 40, invalid: 1 });
  view.onProgress({ kind: "batch", phase: "records", sent: 40, succeeded: 39, failed: 1 });
  view.onProgress({ kind: "rate-limit-wait", ms: 2_000 });
  view.onProgress({ kind: "phase-started", phase: "list" });
  view.onProgress({ kind: "batch", phase: "list", sent: 39, succeeded: 39, failed: 0 });
  view.onProgress({ kind: "run-finished", summary: outboundSummary() });
  view.stop();
  const lines = written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "\n").split("\n").filter((line) => line.trim() !== "");
  const last = (label: string): string => lines.filter((line) => line.startsWith(label)).at(-1) ?? "";
  assert.match(last("source"), /^source\s+100 rows read \| 40 changed \| 1 invalid$/);
  assert.match(last("records"), /^records\s+40 sent \| 39 ok \| 1 failed \| 1 batch \| 1 rate-limit wait \(2\.0 s\) \| done$/);
  assert.match(last("list membership"), /^list membership\s+39 sent \| 39 ok \| 0 failed \| 1 batch \| 0 rate-limit waits \| done$/);
});
