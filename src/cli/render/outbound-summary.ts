import type { OutboundPlan, OutboundRunSummary } from "../../sync/index.ts";
import { errorWords } from "../error-words.ts";
import { isErrorCode } from "../is-error-code.ts";
import { formatTable } from "./format-table.ts";
import { formatCount, formatDuration } from "./format-values.ts";

/** How many of the plan's samples a dry run prints. */
const SAMPLES_SHOWN = 12;

/**
 * What an outbound run did (or, dry, would do): a head line with the calls made, a table of
 * counts (the optional kinds only when not zero), a dry run's samples, then what to do next.
 */
export function renderOutboundSummary(summary: OutboundRunSummary): string {
  const took = formatDuration(summary.finishedAt - summary.startedAt);
  const writes = summary.dryRun ? "no writes" : `${formatCount(summary.writeCalls)} of them writes`;
  const what = summary.dryRun ? `dry run ${summary.runId} ${summary.status === "succeeded" ? "planned" : summary.status}` : `run ${summary.runId} ${summary.status}`;
  const head = `${summary.sync}: ${what} in ${took} — ${formatCount(summary.apiCalls)} HubSpot API calls, ${writes}\n\n`;
  const body = summary.dryRun ? renderPlan(summary) : renderCounts(summary);
  return head + body + renderNotes(summary);
}

/** `20 created, 8 updated, 25 associations added, 28 added to the list, 3 orphans` — or `0 changes`. */
export function describeChanges(summary: OutboundRunSummary): string {
  const parts: [number, string][] = summary.dryRun
    ? [
        [summary.plan.creates, "to create"],
        [summary.plan.updates, "to update"],
        [summary.plan.archives, "to archive"],
        [summary.plan.associationsToCreate, "associations to add"],
        [summary.plan.associationsToRemove, "associations to remove"],
        [summary.plan.listAdds, "to add to the list"],
        [summary.plan.listRemoves, "to remove from the list"],
      ]
    : [
        [summary.created, "created"],
        [summary.updated, "updated"],
        [summary.archived, "archived"],
        [summary.associationsCreated, "associations added"],
        [summary.associationsRemoved, "associations removed"],
        [summary.listAdded, "added to the list"],
        [summary.listRemoved, "removed from the list"],
        [summary.failed, "failed"],
      ];
  const shown = parts.filter(([n]) => n !== 0).map(([n, words]) => `${formatCount(n)} ${words}`);
  if (summary.orphans > 0) shown.push(`${formatCount(summary.orphans)} orphan${summary.orphans === 1 ? "" : "s"}`);
  return shown.length === 0 ? "0 changes" : shown.join(", ");
}

function renderCounts(summary: OutboundRunSummary): string {
  const always: [string, number][] = [
    ["rows read", summary.rowsRead],
    ["unchanged (not sent)", summary.unchanged],
    ["created", summary.created],
    ["updated", summary.updated],
    ["failed (HubSpot refused)", summary.failed],
  ];
  const optional: [string, number][] = [
    ["invalid (not sent)", summary.rowsInvalid],
    ["archived", summary.archived],
    ["associations added", summary.associationsCreated],
    ["associations removed", summary.associationsRemoved],
    ["added to the list", summary.listAdded],
    ["removed from the list", summary.listRemoved],
    ["orphans (target missing)", summary.orphans],
  ];
  const rows = [...always, ...optional.filter(([, n]) => n !== 0)].map(([label, n]) => [label, formatCount(n)]);
  return formatTable([{ heading: "rows" }, { heading: "count", align: "right" }], rows);
}

function renderPlan(summary: OutboundRunSummary): string {
  const plan: OutboundPlan = summary.plan;
  const counts: [string, number][] = [
    ["rows read", summary.rowsRead],
    ["invalid (would not be sent)", summary.rowsInvalid],
    ["unchanged", plan.unchanged],
    ["to create", plan.creates],
    ["to update", plan.updates],
    ["to archive", plan.archives],
    ["associations to add", plan.associationsToCreate],
    ["associations to remove", plan.associationsToRemove],
    ["to add to the list", plan.listAdds],
    ["to remove from the list", plan.listRemoves],
  ];
  const rows = counts.map(([label, n]) => [label, formatCount(n)]);
  let text = `Plan (nothing was written):\n${formatTable([{ heading: "change" }, { heading: "count", align: "right" }], rows)}`;
  if (plan.samples.length > 0) {
    const samples = plan.samples.slice(0, SAMPLES_SHOWN).map((sample) => [sample.change, sample.rowKey ?? "", sample.hubspotId ?? "", sample.detail]);
    text += `\nSamples${plan.samples.length > SAMPLES_SHOWN ? ` (${SAMPLES_SHOWN} of ${formatCount(plan.samples.length)})` : ""}:\n`;
    text += formatTable([{ heading: "change" }, { heading: "row" }, { heading: "HubSpot id" }, { heading: "detail" }], samples);
  }
  return text;
}

function renderNotes(summary: OutboundRunSummary): string {
  const notes: string[] = [];
  if (summary.error !== undefined) {
    const { code, message, fix } = summary.error;
    const words = isErrorCode(code) ? errorWords(code) : undefined;
    notes.push(`\nerror: ${words?.headline ?? "The run failed"} (${code})`, `  ${message}`);
    const shownFix = fix ?? words?.fix;
    if (shownFix !== undefined) notes.push(`fix: ${shownFix}`);
  }
  if (summary.failed + summary.rowsInvalid > 0) {
    notes.push(`\n${formatCount(summary.failed + summary.rowsInvalid)} rows were not written. Each one, with HubSpot's message: hubsync logs ${summary.runId} --level warn`);
  }
  if (summary.orphans > 0 && !summary.dryRun) {
    notes.push(`\n${formatCount(summary.orphans)} rows wait for an association target that does not exist yet; \`hubsync reassociate ${summary.sync}\` links them once it does (every run retries them too).`);
  }
  if (summary.dryRun && summary.status === "succeeded") notes.push(`\nRun it without --dry-run to write these changes.`);
  if (summary.status === "cancelled") notes.push(`\nStopped. Run the same command again: rows already written are not sent twice.`);
  return notes.length === 0 ? "" : `${notes.join("\n")}\n`;
}
