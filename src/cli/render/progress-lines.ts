import type { Clock } from "../../core/clock.ts";
import type { CliOutput } from "../cli-deps.ts";
import { formatCount, formatDuration, strategyLabel } from "./format-values.ts";
import type { ProgressView } from "./progress-view.ts";

/** How often a stream's page count is repeated in a log; the first page always is. */
const PAGE_LINE_EVERY_MS = 5_000;

/**
 * Progress for logs and pipes (no TTY): one line per stream event. Page events are thinned to
 * one line per stream every few seconds, so a 100,000-record stream does not print 1,000 lines.
 */
export function progressLines(out: CliOutput, clock: Clock, sync: string): ProgressView {
  const lastPageLine = new Map<string, number>();
  const started = new Map<string, number>();
  const pages = new Map<string, number>();
  const expected = new Map<string, number>();
  const line = (stream: string | undefined, text: string): void => out.write(`${stream === undefined ? sync : `${sync}/${stream}`}: ${text}\n`);
  return {
    onProgress(event) {
      switch (event.kind) {
        case "run-started":
          line(undefined, `run ${event.runId} started — ${event.streams.length} stream${event.streams.length === 1 ? "" : "s"}: ${event.streams.join(", ")}`);
          return;
        case "stream-started":
          started.set(event.stream, clock.now());
          if (event.expectedTotal !== undefined) expected.set(event.stream, event.expectedTotal);
          line(event.stream, `started (${strategyLabel(event.strategy, event.pass)}${event.expectedTotal === undefined ? "" : `, ${formatCount(event.expectedTotal)} records in HubSpot`})`);
          return;
        case "page": {
          const count = (pages.get(event.stream) ?? 0) + 1;
          pages.set(event.stream, count);
          const now = clock.now();
          const last = lastPageLine.get(event.stream);
          if (last !== undefined && now - last < PAGE_LINE_EVERY_MS) return;
          lastPageLine.set(event.stream, now);
          const total = expected.get(event.stream);
          const of = total === undefined || total === 0 ? "" : ` of ${formatCount(total)} (${Math.min(100, Math.round((event.fetchedSoFar / total) * 100))}%)`;
          line(event.stream, `${formatCount(event.fetchedSoFar)}${of} record${event.fetchedSoFar === 1 ? "" : "s"} read, ${formatCount(count)} page${count === 1 ? "" : "s"}`);
          return;
        }
        case "rate-limit-wait":
          line(event.stream, `waiting ${formatDuration(event.ms)} for HubSpot's rate limit`);
          return;
        case "stream-finished": {
          const s = event.summary;
          const took = started.has(event.stream) ? ` in ${formatDuration(clock.now() - (started.get(event.stream) ?? 0))}` : "";
          const extra = [
            s.deleted > 0 ? `${formatCount(s.deleted)} deleted` : "",
            s.merged > 0 ? `${formatCount(s.merged)} merged` : "",
            s.associationsChanged > 0 ? `${formatCount(s.associationsChanged)} associations changed` : "",
            s.columnsAdded > 0 ? `${formatCount(s.columnsAdded)} columns added` : "",
            s.warnings > 0 ? `${formatCount(s.warnings)} warnings` : "",
            s.errors > 0 ? `${formatCount(s.errors)} errors` : "",
          ].filter((part) => part !== "");
          line(event.stream, `done — ${formatCount(s.fetched)} read, ${formatCount(s.written)} written${extra.length === 0 ? "" : `, ${extra.join(", ")}`}${took}`);
          return;
        }
        case "run-finished":
          return;
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    },
    stop: () => undefined,
  };
}
