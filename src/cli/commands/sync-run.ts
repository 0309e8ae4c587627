import { Command } from "commander";
import type { HubsyncConfig, InboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { runInboundSync, runOutboundSync, type InboundRunSummary, type OutboundRunSummary } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withRunSession, type RunSession } from "../context/run-session.ts";
import { exitCodes } from "../exit-code.ts";
import { progressBars } from "../render/progress-bars.ts";
import { progressLines } from "../render/progress-lines.ts";
import { silentProgress, type ProgressView } from "../render/progress-view.ts";
import { renderRunSummary } from "../render/run-summary.ts";
import { runExitCode } from "../run-exit-code.ts";
import { failWith } from "./fail-with.ts";
import { runOutboundOne } from "./run-outbound.ts";
import { selectSyncs, type SelectedSync } from "./select-syncs.ts";

export interface SyncRunOptions {
  config?: string;
  logLevel?: string;
  /** The sync to run (inbound or outbound); absent with `all`. */
  name?: string;
  all?: boolean;
  /** Inbound: ignore the saved cursors. Outbound: ignore the row hashes, send every row. */
  full?: boolean;
  /** Only these streams (inbound). */
  streams?: string[];
  /** Outbound: plan only, write nothing. With `all`, inbound syncs are skipped. */
  dryRun?: boolean;
  json?: boolean;
}

/** What `hubsync sync run` produced (returned for callers such as the demo). */
export interface SyncRunOutcome {
  exitCode: number;
  summaries: InboundRunSummary[];
  outbound: OutboundRunSummary[];
}

/**
 * Runs syncs once, one after another — inbound first, then outbound — with live progress,
 * then prints a summary per sync. Ctrl+C stops the run through its AbortSignal after the
 * current page or batch: what was written stays, and the next run resumes.
 */
export async function runSyncRun(deps: CliDeps, options: SyncRunOptions): Promise<number> {
  return (await syncRun(deps, options)).exitCode;
}

export async function syncRun(deps: CliDeps, options: SyncRunOptions): Promise<SyncRunOutcome> {
  const summaries: InboundRunSummary[] = [];
  const outbound: OutboundRunSummary[] = [];
  const done = (exitCode: number): SyncRunOutcome => ({ exitCode, summaries, outbound });
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return done(failWith(deps, options, loaded.error));
  const { config, path } = loaded.value;
  const selected = selectSyncs(config, path, options);
  if (!selected.ok) return done(failWith(deps, options, selected.error));
  const planned = dryRunSelection(deps, options, selected.value);
  if (!planned.ok) return done(failWith(deps, options, planned.error));

  const exitCode = await withRunSession(deps, config, options, async (session) => {
    let code: number = exitCodes.ok;
    for (const selection of planned.value) {
      if (session.signal.aborted) break;
      const ran =
        selection.direction === "inbound"
          ? await runInboundOne(deps, options, config, session, selection.sync, selection.streams, summaries)
          : await runOutboundOne(deps, options, config, session, selection.sync, runOutboundSync, outbound);
      if (code === exitCodes.ok) code = ran;
    }
    return code;
  });
  return done(exitCode);
}

/**
 * A dry run plans outbound syncs. Naming an inbound one is a mistake (it would write the store
 * for real); with --all, inbound syncs are skipped, and said so.
 */
function dryRunSelection(deps: CliDeps, options: SyncRunOptions, selected: SelectedSync[]): { ok: true; value: SelectedSync[] } | { ok: false; error: HubsyncError } {
  if (options.dryRun !== true) return { ok: true, value: selected };
  if (options.streams !== undefined && options.streams.length > 0) {
    return { ok: false, error: new HubsyncError("SYNC_NOT_FOUND", "--stream picks inbound streams and --dry-run plans outbound syncs: they do not go together", { fix: "Drop one of them." }) };
  }
  if (options.name !== undefined && selected.every((s) => s.direction === "inbound")) {
    return {
      ok: false,
      error: new HubsyncError("SYNC_NOT_FOUND", `--dry-run plans outbound syncs; "${options.name}" is an inbound sync`, {
        subject: options.name,
        fix: "Drop --dry-run: an inbound sync only writes to your database, never to HubSpot.",
      }),
    };
  }
  const outbound = selected.filter((s) => s.direction === "outbound");
  const skipped = selected.length - outbound.length;
  if (skipped > 0 && options.json !== true) deps.stderr.write(`--dry-run: ${skipped} inbound sync${skipped === 1 ? "" : "s"} skipped (a dry run plans outbound syncs only).\n`);
  return { ok: true, value: outbound };
}

async function runInboundOne(
  deps: CliDeps,
  options: SyncRunOptions,
  config: HubsyncConfig,
  session: RunSession,
  sync: InboundSyncConfig,
  streams: string[] | undefined,
  summaries: InboundRunSummary[],
): Promise<number> {
  const view = progressView(deps, options, sync.name, session.drawing);
  let result: Awaited<ReturnType<typeof runInboundSync>>;
  try {
    result = await runInboundSync(session.engine, config, sync.name, {
      signal: session.signal,
      onProgress: (event) => view.onProgress(event),
      ...(streams === undefined ? {} : { streams }),
      ...(options.full === true ? { full: true } : {}),
    });
  } finally {
    view.stop();
  }
  if (!result.ok) return failWith(deps, options, result.error, sync.name);
  const summary = result.value;
  summaries.push(summary);
  if (options.json === true) deps.stdout.write(`${JSON.stringify({ direction: "inbound", ...summary })}\n`);
  else deps.stdout.write(`${renderRunSummary(summary)}\n`);
  return exitCodeOf(summary);
}

function progressView(deps: CliDeps, options: SyncRunOptions, sync: string, drawing: boolean): ProgressView {
  if (options.json === true) return silentProgress;
  if (drawing && deps.stderr.tty !== undefined) return progressBars(deps.stderr.tty);
  return progressLines(deps.stderr, deps.clock, sync);
}

/** An inbound run's exit code (see runExitCode). */
export function exitCodeOf(summary: InboundRunSummary): number {
  return runExitCode(summary);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((s) => s.trim()).filter((s) => s !== "")];

export function syncCommand(ctx: CommandContext): Command {
  const run = new Command("run")
    .summary("run syncs now (inbound and outbound)")
    .description(
      "Runs syncs once, one after another: inbound syncs first (HubSpot → database), then outbound ones\n" +
        "(database → HubSpot), each in file order.\n" +
        "  • inbound: the first run backfills everything, later runs read only what changed (per each\n" +
        "    stream's strategy); progress per stream (records, pages, rate-limit waits, ETA).\n" +
        "  • outbound: reads the source, sends only rows that changed since the last run (creates,\n" +
        "    updates, archives, associations, list membership); progress per phase (batches sent,\n" +
        "    succeeded, failed, rate-limit waits). --dry-run prints the plan, with samples, and writes\n" +
        "    nothing; --full sends every row again. Exits 1 when HubSpot refused rows (see `hubsync logs`).\n" +
        "Progress is drawn on a terminal and printed as lines otherwise; a summary follows each sync.\n" +
        "Ctrl+C stops cleanly after the current page or batch — run the same command again to resume.",
    )
    .argument("[name]", "the sync to run, as named under inbound: or outbound: in the config")
    .option("--all", "run every sync in the config: inbound ones, then outbound ones", false)
    .option("--full", "inbound: ignore the saved cursors and re-read everything; outbound: send every row again", false)
    .option("--stream <name>", "inbound: only this stream (repeat it, or separate names with commas)", collect)
    .option("--dry-run", "outbound: print what would be created, updated, archived, associated and listed; write nothing", false)
    .option("--json", "print each run's summary as one JSON line on stdout, and no progress", false)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  hubsync sync run crm                          # the sync named crm\n" +
        "  hubsync sync run --all                        # every sync: inbound, then outbound\n" +
        "  hubsync sync run crm --stream contacts,deals  # two streams only\n" +
        "  hubsync sync run crm --full                   # re-read everything, ignoring cursors\n" +
        "  hubsync sync run users-to-contacts --dry-run  # what an outbound sync would change\n" +
        "  hubsync sync run crm --json | jq '.streams[] | {stream, written}'",
    )
    .action(
      action(ctx, async (name: string | undefined, options: { all: boolean; full: boolean; stream?: string[]; dryRun: boolean; json: boolean }, command: Command) =>
        runSyncRun(ctx.deps, {
          ...globalOptions(command),
          ...(name === undefined ? {} : { name }),
          all: options.all,
          full: options.full,
          dryRun: options.dryRun,
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
