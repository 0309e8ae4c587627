import assert from "node:assert/strict";
import { test } from "node:test";
import { runId } from "../../core/ids.ts";
import { manualClock } from "../../store/test-support/manual-clock.ts";
import type { StreamSummary } from "../../sync/index.ts";
import { captured } from "../test-support/cli-test-kit.ts";
import { progressLines } from "./progress-lines.ts";

const summary = (stream: string, over: Partial<StreamSummary> = {}): StreamSummary => ({
  stream,
  strategy: "incremental",
  fetched: 0,
  written: 0,
  deleted: 0,
  merged: 0,
  associationsChanged: 0,
  columnsAdded: 0,
  warnings: 0,
  errors: 0,
  ...over,
});

test("without a TTY, each stream event is one line; pages are thinned to one every 5 s per stream", () => {
  const out = captured();
  const clock = manualClock(0);
  const view = progressLines(out, clock, "crm");
  view.onProgress({ kind: "run-started", runId: runId("r-1"), sync: "crm", streams: ["contacts", "owners"] });
  view.onProgress({ kind: "stream-started", stream: "contacts", strategy: "incremental", expectedTotal: 400 });
  for (let page = 1; page <= 4; page += 1) {
    view.onProgress({ kind: "page", stream: "contacts", fetched: 100, written: 100, fetchedSoFar: page * 100 });
    clock.advance(2_000);
  }
  view.onProgress({ kind: "rate-limit-wait", stream: "contacts", ms: 1_500 });
  view.onProgress({ kind: "stream-finished", stream: "contacts", summary: summary("contacts", { fetched: 400, written: 390, deleted: 2, associationsChanged: 12 }) });
  view.onProgress({ kind: "stream-started", stream: "owners", strategy: "full_refresh" });
  view.onProgress({ kind: "page", stream: "owners", fetched: 5, written: 5, fetchedSoFar: 5 });
  view.stop();
  assert.deepEqual(out.text().split("\n"), [
    "crm: run r-1 started — 2 streams: contacts, owners",
    "crm/contacts: started (incremental, 400 records in HubSpot)",
    "crm/contacts: 100 of 400 (25%) records read, 1 page",
    "crm/contacts: 400 of 400 (100%) records read, 4 pages",
    "crm/contacts: waiting 1.5 s for HubSpot's rate limit",
    "crm/contacts: done — 400 read, 390 written, 2 deleted, 12 associations changed in 8.0 s",
    "crm/owners: started (full_refresh)",
    "crm/owners: 5 records read, 1 page",
    "",
  ]);
});
