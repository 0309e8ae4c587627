import type { HubsyncConfig, OutboundSyncConfig } from "../../config/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import type { OutboundRunSummary, RunOutboundSync } from "../../sync/index.ts";
import type { RunSession } from "../context/run-session.ts";
import { exitCodes } from "../exit-code.ts";
import { runExitCode } from "../run-exit-code.ts";
import { outboundProgressBars } from "../render/outbound-progress-bars.ts";
import { outboundProgressLines } from "../render/outbound-progress-lines.ts";
import { renderOutboundSummary } from "../render/outbound-summary.ts";
import { silentProgress, type OutboundProgressView } from "../render/progress-view.ts";
import { failWith } from "./fail-with.ts";

export interface OutboundRunFlags {
  json?: boolean;
  dryRun?: boolean;
  full?: boolean;
}

/**
 * Runs one outbound sync (or re-associates it: `run` is the engine function) with live
 * progress, prints its summary (or a JSON line), and returns its exit code. The summary is
 * also pushed to `summaries` for callers that show more (the demo).
 */
export async function runOutboundOne(
  deps: CliDeps,
  flags: OutboundRunFlags,
  config: HubsyncConfig,
  session: RunSession,
  sync: OutboundSyncConfig,
  run: RunOutboundSync,
  summaries: OutboundRunSummary[],
): Promise<number> {
  const view = outboundView(deps, flags, sync.name, session.drawing);
  let result: Awaited<ReturnType<RunOutboundSync>>;
  try {
    result = await run(session.engine, config, sync.name, {
      signal: session.signal,
      onProgress: (event) => view.onProgress(event),
      ...(flags.dryRun === true ? { dryRun: true } : {}),
      ...(flags.full === true ? { full: true } : {}),
    });
  } finally {
    view.stop();
  }
  if (!result.ok) return failWith(deps, flags, result.error, sync.name);
  const summary = result.value;
  summaries.push(summary);
  if (flags.json === true) deps.stdout.write(`${JSON.stringify({ direction: "outbound", ...summary })}\n`);
  else deps.stdout.write(`${renderOutboundSummary(summary)}\n`);
  return outboundExitCode(summary);
}

function outboundView(deps: CliDeps, flags: OutboundRunFlags, sync: string, drawing: boolean): OutboundProgressView {
  if (flags.json === true) return silentProgress;
  if (drawing && deps.stderr.tty !== undefined) return outboundProgressBars(deps.stderr.tty);
  return outboundProgressLines(deps.stderr, deps.clock, sync);
}

/**
 * succeeded → 0, unless rows were not written (HubSpot refused them, or they were invalid):
 * then 1, "finished with failures", so a scheduler notices; cancelled → 130; failed → the
 * code of what stopped it.
 */
export function outboundExitCode(summary: OutboundRunSummary): number {
  if (summary.status === "succeeded" && summary.failed + summary.rowsInvalid > 0) return exitCodes.failed;
  return runExitCode(summary);
}
