import { Command } from "commander";
import { syncId } from "../../core/ids.ts";
import type { SyncRun } from "../../store/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withStore } from "../context/open-cli-store.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";
import { integerBetween } from "../parse-integer.ts";
import { reportError } from "../report-error.ts";
import { formatTable } from "../render/format-table.ts";
import { formatCount, formatDuration, formatTime } from "../render/format-values.ts";
import { errorJson } from "../error-json.ts";

export interface RunsOptions {
  config?: string;
  logLevel?: string;
  /** Only this sync's runs. */
  name?: string;
  limit?: number;
  json?: boolean;
}

/** Run history, newest first: when, how it ended, what it counted, how many API calls. */
export async function runRuns(deps: CliDeps, options: RunsOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) {
    if (options.json === true) {
      deps.stdout.write(`${JSON.stringify({ error: errorJson(loaded.error) })}\n`);
      return exitCodeFor(loaded.error.code);
    }
    return reportError(deps.stderr, loaded.error);
  }
  const { config } = loaded.value;
  const runs = await withStore(config.store, deps.clock, deps.logger(options.logLevel), (store) =>
    store.listRuns({ ...(options.name === undefined ? {} : { sync: syncId(options.name) }), limit: options.limit ?? 20 }),
  );
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify(runs)}\n`);
    return exitCodes.ok;
  }
  if (runs.length === 0) {
    deps.stdout.write(options.name === undefined ? "No runs yet. Start one with: hubsync sync run <name>\n" : `No runs of ${options.name} yet. Start one with: hubsync sync run ${options.name}\n`);
    return exitCodes.ok;
  }
  deps.stdout.write(renderRuns(runs));
  deps.stdout.write(`\nA run's audit log: hubsync logs <run> (the first characters of the id are enough)\n`);
  return exitCodes.ok;
}

export function renderRuns(runs: readonly SyncRun[]): string {
  return formatTable(
    [
      { heading: "run" },
      { heading: "sync" },
      { heading: "status" },
      { heading: "started (UTC)" },
      { heading: "took", align: "right" },
      { heading: "counts" },
      { heading: "API calls", align: "right" },
      { heading: "errors", align: "right" },
    ],
    runs.map((run) => [
      run.id.slice(0, 8),
      run.sync,
      run.status,
      formatTime(run.startedAt),
      run.finishedAt === null ? "—" : formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt)),
      summarizeCounts(run.counts),
      formatCount(run.apiCalls),
      formatCount(run.errors.length),
    ]),
  );
}

/**
 * A run's counters, added up across streams: `contacts.written` and `deals.written` become
 * `written 350`; zeros are left out. The engine names its counters; this only groups them by their last part.
 */
export function summarizeCounts(counts: Readonly<Record<string, number>>): string {
  const totals = new Map<string, number>();
  for (const [key, value] of Object.entries(counts)) {
    const name = key.slice(key.lastIndexOf(".") + 1);
    totals.set(name, (totals.get(name) ?? 0) + value);
  }
  const shown = [...totals].filter(([, value]) => value !== 0);
  if (shown.length === 0) return "—";
  return shown.map(([name, value]) => `${name} ${formatCount(value)}`).join(", ");
}

export function runsCommand(ctx: CommandContext): Command {
  return new Command("runs")
    .summary("run history: start, duration, status, counts, API calls")
    .description("Lists recent runs, newest first, of every sync or of the one named. Reads only the store.")
    .argument("[name]", "only this sync's runs")
    .option("--limit <n>", "how many runs", integerBetween(1, 10_000), 20)
    .option("--json", "print the runs as a JSON array on stdout (full ids, every counter)", false)
    .addHelpText("after", "\nExamples:\n  hubsync runs\n  hubsync runs crm --limit 5\n  hubsync runs --json | jq '.[0].id'")
    .action(
      action(ctx, async (name: string | undefined, options: { limit: number; json: boolean }, command: Command) =>
        runRuns(ctx.deps, { ...globalOptions(command), ...(name === undefined ? {} : { name }), limit: options.limit, json: options.json }),
      ),
    );
}
