import { Command } from "commander";
import type { HubsyncConfig, InboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { createHubSpotClientFactory, runInboundSync, type InboundDeps, type InboundRunSummary } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withStore } from "../context/open-cli-store.ts";
import { errorJson } from "../error-json.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";
import { isErrorCode } from "../is-error-code.ts";
import { reportError } from "../report-error.ts";
import { progressBars } from "../render/progress-bars.ts";
import { progressLines } from "../render/progress-lines.ts";
import { silentProgress, type ProgressView } from "../render/progress-view.ts";
import { renderRunSummary } from "../render/run-summary.ts";
import { selectSyncs } from "./select-syncs.ts";

export interface SyncRunOptions {
  config?: string;
  logLevel?: string;
  /** The sync to run; absent with `all`. */
  name?: string;
  all?: boolean;
  full?: boolean;
  /** Only these streams. */
  streams?: string[];
  json?: boolean;
}

/** What the run summaries and errors of `hubsync sync run` produced (returned for callers such as the demo). */
export interface SyncRunOutcome {
  exitCode: number;
  summaries: InboundRunSummary[];
}

/**
 * Runs inbound syncs once, one after another, with live progress, then prints a summary per
 * sync. Ctrl+C stops the run through its AbortSignal after the current page: what was written
 * stays, and the next run resumes from the last committed cursor.
 */
export async function runSyncRun(deps: CliDeps, options: SyncRunOptions): Promise<number> {
  return (await syncRun(deps, options)).exitCode;
}

export async function syncRun(deps: CliDeps, options: SyncRunOptions): Promise<SyncRunOutcome> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return { exitCode: fail(deps, options, loaded.error), summaries: [] };
  const { config, path } = loaded.value;
  const selected = selectSyncs(config, path, options);
  if (!selected.ok) return { exitCode: fail(deps, options, selected.error), summaries: [] };

  // Bars for a person at a terminal; one line per stream event for logs and pipes.
  const drawing = options.json !== true && deps.stderr.tty !== undefined;
  // Log lines would tear through the progress bars: keep them to warnings unless asked for more.
  const logger = deps.logger(options.logLevel ?? (drawing ? "warn" : undefined));
  const controller = new AbortController();
  let interrupts = 0;
  const unsubscribe = deps.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      deps.stderr.write("\nStopping after the current page… (press Ctrl+C again to quit at once; the next run resumes)\n");
      controller.abort(new HubsyncError("SYNC_ABORTED", "stopped by Ctrl+C"));
    } else {
      // The bars hid the cursor; give it back before leaving mid-draw.
      if (drawing) deps.stderr.write("\u001b[?25h\n");
      deps.exit(exitCodes.interrupted);
    }
  });

  const summaries: InboundRunSummary[] = [];
  let exitCode: number = exitCodes.ok;
  try {
    await withStore(config.store, deps.clock, logger, async (store) => {
      const inboundDeps: InboundDeps = { store, hubspotFor: createHubSpotClientFactory({ fetch: deps.fetch, clock: deps.clock, logger }), clock: deps.clock, logger };
      for (const { sync, streams } of selected.value) {
        if (controller.signal.aborted) break;
        const code = await runOne(deps, options, config, inboundDeps, sync, streams, controller.signal, drawing, summaries);
        if (exitCode === exitCodes.ok) exitCode = code;
      }
    });
  } catch (error) {
    const code = options.json === true && error instanceof HubsyncError ? fail(deps, options, error) : reportError(deps.stderr, error);
    if (exitCode === exitCodes.ok) exitCode = code;
  } finally {
    unsubscribe();
  }
  return { exitCode, summaries };
}

async function runOne(
  deps: CliDeps,
  options: SyncRunOptions,
  config: HubsyncConfig,
  inboundDeps: InboundDeps,
  sync: InboundSyncConfig,
  streams: string[] | undefined,
  signal: AbortSignal,
  drawing: boolean,
  summaries: InboundRunSummary[],
): Promise<number> {
  const view = progressView(deps, options, sync.name, drawing);
  let result: Awaited<ReturnType<typeof runInboundSync>>;
  try {
    result = await runInboundSync(inboundDeps, config, sync.name, {
      signal,
      onProgress: (event) => view.onProgress(event),
      ...(streams === undefined ? {} : { streams }),
      ...(options.full === true ? { full: true } : {}),
    });
  } finally {
    view.stop();
  }
  if (!result.ok) return fail(deps, options, result.error, sync.name);
  const summary = result.value;
  summaries.push(summary);
  if (options.json === true) deps.stdout.write(`${JSON.stringify(summary)}\n`);
  else deps.stdout.write(`${renderRunSummary(summary)}\n`);
  return exitCodeOf(summary);
}

function progressView(deps: CliDeps, options: SyncRunOptions, sync: string, drawing: boolean): ProgressView {
  if (options.json === true) return silentProgress;
  if (drawing && deps.stderr.tty !== undefined) return progressBars(deps.stderr.tty);
  return progressLines(deps.stderr, deps.clock, sync);
}

/** succeeded → 0; cancelled → 130; failed → the code of what stopped it (1 when unknown). */
export function exitCodeOf(summary: InboundRunSummary): number {
  switch (summary.status) {
    case "succeeded":
      return exitCodes.ok;
    case "cancelled":
      return exitCodes.interrupted;
    case "failed": {
      const code = summary.error?.code;
      return code !== undefined && isErrorCode(code) ? exitCodeFor(code) : exitCodes.failed;
    }
    case "queued":
    case "running":
      return exitCodes.failed;
    default: {
      const _exhaustive: never = summary.status;
      return _exhaustive;
    }
  }
}

/** An error before or instead of a summary: words on stderr, or a JSON line with --json. */
function fail(deps: CliDeps, options: SyncRunOptions, error: HubsyncError, sync?: string): number {
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify({ ...(sync === undefined ? {} : { sync }), status: "failed", error: errorJson(error) })}\n`);
    return exitCodeFor(error.code);
  }
  return reportError(deps.stderr, error);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((s) => s.trim()).filter((s) => s !== "")];

export function syncCommand(ctx: CommandContext): Command {
  const run = new Command("run")
    .summary("run inbound syncs now")
    .description(
      "Mirrors HubSpot into the store once: the first run backfills everything, later runs read only what\n" +
        "changed (per each stream's strategy). Progress is drawn per stream on a terminal (records, pages,\n" +
        "rate-limit waits, ETA when HubSpot reports a total) and printed as lines otherwise; a summary table\n" +
        "follows. Ctrl+C stops cleanly after the current page — run the same command again to resume.",
    )
    .argument("[name]", "the sync to run, as named under inbound: in the config")
    .option("--all", "run every inbound sync in the config, one after another", false)
    .option("--full", "ignore the saved cursors: re-read everything this time (deletions are swept too)", false)
    .option("--stream <name>", "only this stream (repeat it, or separate names with commas)", collect)
    .option("--json", "print each run's summary as one JSON line on stdout, and no progress", false)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync sync run crm                          # the sync named crm\n" +
        "  hubsync sync run --all                        # every inbound sync\n" +
        "  hubsync sync run crm --stream contacts,deals  # two streams only\n" +
        "  hubsync sync run crm --full                   # re-read everything, ignoring cursors\n" +
        "  hubsync sync run crm --json | jq '.streams[] | {stream, written}'",
    )
    .action(
      action(ctx, async (name: string | undefined, options: { all: boolean; full: boolean; stream?: string[]; json: boolean }, command: Command) =>
        runSyncRun(ctx.deps, {
          ...globalOptions(command),
          ...(name === undefined ? {} : { name }),
          all: options.all,
          full: options.full,
          json: options.json,
          ...(options.stream === undefined ? {} : { streams: options.stream }),
        }),
      ),
    );
  return new Command("sync")
    .summary("run syncs (see `hubsync sync run --help`)")
    .description("Runs the syncs defined in the config.")
    .addCommand(run);
}
