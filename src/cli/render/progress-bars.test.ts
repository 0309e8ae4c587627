import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { runId } from "../../core/ids.ts";
import { progressBars } from "./progress-bars.ts";

/** A terminal as cli-progress sees one: a writable stream that says it is a TTY. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let written = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns: 160 });
  // cli-progress draws through the cursor helpers a TTY stream has; the escapes land in `written`.
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => written };
}

// Plain text: the ANSI escapes cli-progress moves the cursor with become line breaks.
const plain = (text: string): string => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "\n");

test("on a terminal: a bar per stream with records, pages, waits, and the result when done", () => {
  const terminal = fakeTerminal();
  const view = progressBars(terminal.stream);
  view.onProgress({ kind: "run-started", runId: runId("r-1"), sync: "crm", streams: ["contacts", "owners"] });
  view.onProgress({ kind: "stream-started", stream: "contacts", strategy: "incremental", expectedTotal: 200 });
  view.onProgress({ kind: "page", stream: "contacts", fetched: 100, written: 100, fetchedSoFar: 100 });
  view.onProgress({ kind: "rate-limit-wait", stream: "contacts", ms: 1_200 });
  view.onProgress({ kind: "page", stream: "contacts", fetched: 100, written: 100, fetchedSoFar: 200 });
  view.onProgress({ kind: "stream-finished", stream: "contacts", summary: { stream: "contacts", strategy: "incremental", fetched: 200, written: 180, deleted: 3, merged: 0, associationsChanged: 0, columnsAdded: 0, warnings: 0, errors: 0 } });
  view.onProgress({ kind: "stream-started", stream: "owners", strategy: "full_refresh" });
  view.onProgress({ kind: "page", stream: "owners", fetched: 4, written: 4, fetchedSoFar: 4 });
  view.stop();
  const lines = plain(terminal.text()).split("\n").filter((line) => line.trim() !== "");
  const last = (stream: string): string => lines.filter((line) => line.startsWith(stream)).at(-1) ?? "";
  assert.match(last("contacts"), /^contacts\s+[█░]{24} 100% \| 200\/200 records \| 2 pages \| 1 rate-limit wait \| done: 180 written, 3 deleted$/);
  assert.match(last("owners"), /^owners\s+4 records \| 1 page \| 0 rate-limit waits \| reading…$/);
});
