import type { InboundRunSummary, StreamSummary } from "../../sync/index.ts";
import { errorWords } from "../error-words.ts";
import { isErrorCode } from "../is-error-code.ts";
import { formatTable } from "./format-table.ts";
import { formatCount, formatDuration, strategyLabel } from "./format-values.ts";

const numeric = ["fetched", "written", "deleted", "merged", "associationsChanged", "columnsAdded", "warnings", "errors"] as const;

/** The table printed after a run: one row per stream and a total, then the run's calls and waits. */
export function renderRunSummary(summary: InboundRunSummary): string {
  const took = formatDuration(summary.finishedAt - summary.startedAt);
  const waits = summary.rateLimitWaits === 0 ? "no rate-limit waits" : `${formatCount(summary.rateLimitWaits)} rate-limit waits (${formatDuration(summary.rateLimitWaitMs)})`;
  const head = `${summary.sync}: run ${summary.runId} ${summary.status} in ${took} — ${formatCount(summary.apiCalls)} HubSpot API calls, ${waits}\n\n`;
  const total = (key: (typeof numeric)[number]): number => summary.streams.reduce((n, s) => n + s[key], 0);
  const row = (s: StreamSummary): string[] => [s.stream, strategyLabel(s.strategy, s.pass), ...numeric.map((key) => formatCount(s[key]))];
  const rows = summary.streams.map(row);
  if (summary.streams.length > 1) rows.push(["total", "", ...numeric.map((key) => formatCount(total(key)))]);
  const table = formatTable(
    [
      { heading: "stream" },
      { heading: "strategy" },
      { heading: "read", align: "right" },
      { heading: "written", align: "right" },
      { heading: "deleted", align: "right" },
      { heading: "merged", align: "right" },
      { heading: "associations", align: "right" },
      { heading: "new columns", align: "right" },
      { heading: "warnings", align: "right" },
      { heading: "errors", align: "right" },
    ],
    rows,
  );
  const notes: string[] = [];
  if (summary.error !== undefined) {
    const { code, message, fix } = summary.error;
    const words = isErrorCode(code) ? errorWords(code) : undefined;
    notes.push(`\nerror: ${words?.headline ?? "The run failed"} (${code})`, `  ${message}`);
    const shownFix = fix ?? words?.fix;
    if (shownFix !== undefined) notes.push(`fix: ${shownFix}`);
  }
  if (total("warnings") + total("errors") > 0) notes.push(`\nSee them with: hubsync logs ${summary.runId} --level warn`);
  if (summary.status === "cancelled") notes.push(`\nStopped. Run the same command again to resume where it stopped.`);
  return head + (summary.streams.length === 0 ? "" : table) + (notes.length === 0 ? "" : `${notes.join("\n")}\n`);
}
