import { Command, Option } from "commander";
import { z } from "zod";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { runId } from "../../core/ids.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { auditLevels, type AuditEntry, type AuditLevel, type Store, type SyncRun } from "../../store/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withStore } from "../context/open-cli-store.ts";
import { errorJson } from "../error-json.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";
import { integerBetween } from "../parse-integer.ts";
import { reportError } from "../report-error.ts";
import { formatCount, formatDuration, formatTime } from "../render/format-values.ts";
import { summarizeCounts } from "./runs.ts";

export interface LogsOptions {
  config?: string;
  logLevel?: string;
  /** A run id, or a unique prefix of one. */
  run: string;
  /** The least severe level shown. */
  level?: AuditLevel;
  limit?: number;
  json?: boolean;
}

/** How many recent runs a short id is looked up among. */
const PREFIX_SEARCH_RUNS = 1_000;

/** A run's audit log, oldest first: what each stream did, every warning and error with its record. */
export async function runLogs(deps: CliDeps, options: LogsOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return fail(deps, options, loaded.error);
  const levels = auditLevels.slice(auditLevels.indexOf(options.level ?? "debug"));
  const found = await withStore(loaded.value.config.store, deps.clock, deps.logger(options.logLevel), async (store) => {
    const run = await findRun(store, options.run);
    if (!run.ok) return run;
    const entries = await store.auditEntries(run.value.id, { levels, ...(options.limit === undefined ? {} : { limit: options.limit }) });
    return ok({ run: run.value, entries });
  });
  if (!found.ok) return fail(deps, options, found.error);
  const { run, entries } = found.value;
  if (options.json === true) {
    for (const entry of entries) deps.stdout.write(`${JSON.stringify(entry)}\n`);
    return exitCodes.ok;
  }
  const took = run.finishedAt === null ? "" : ` in ${formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt))}`;
  deps.stdout.write(`run ${run.id} of ${run.sync}: ${run.status}${took}, started ${formatTime(run.startedAt)} UTC\n`);
  if (run.errorMessage !== null) deps.stdout.write(`  ${run.errorMessage}\n`);
  const counts = summarizeCounts(run.counts);
  if (counts !== "—") deps.stdout.write(`  ${counts}; ${formatCount(run.apiCalls)} HubSpot API calls\n`);
  deps.stdout.write(entries.length === 0 ? `(no entries${options.level === undefined ? "" : ` at ${options.level} or above`})\n` : entries.map(renderEntry).join(""));
  return exitCodes.ok;
}

/**
 * `2025-03-01 14:05:09  WARN   contacts #123  coercion_failed  message {details}`. An outbound
 * run's entries name the source row and the field too: `records #501 row usr-7 field phone`.
 */
export function renderEntry(entry: AuditEntry): string {
  const { row, field, rest } = rowAndField(entry.details);
  const where = [entry.stream ?? "", entry.recordId === null ? "" : `#${entry.recordId}`, row === undefined ? "" : `row ${row}`, field === undefined ? "" : `field ${field}`]
    .filter((s) => s !== "")
    .join(" ");
  // Details explain problems; on routine entries they repeat the message (--json has them all).
  const routine = entry.level === "debug" || entry.level === "info";
  const details = routine || rest === undefined ? "" : `  ${JSON.stringify(rest)}`;
  return `${formatTime(entry.at)}  ${entry.level.toUpperCase().padEnd(5)}  ${where === "" ? "" : `${where}  `}${entry.action}  ${entry.message}${details}\n`;
}

const rowDetailsSchema = z.looseObject({ rowKey: z.string().optional(), field: z.string().optional() });

/** The source row's key and the field an entry is about (outbound runs keep them in details), and the other details. */
function rowAndField(details: unknown): { row?: string; field?: string; rest?: unknown } {
  if (details === null || details === undefined) return {};
  const parsed = rowDetailsSchema.safeParse(details);
  if (!parsed.success) return { rest: details };
  const { rowKey, field, ...others } = parsed.data;
  return {
    ...(rowKey === undefined ? {} : { row: rowKey }),
    ...(field === undefined ? {} : { field }),
    ...(Object.keys(others).length === 0 ? {} : { rest: others }),
  };
}

/** The run with this id, or the one recent run whose id starts with it. */
async function findRun(store: Store, id: string): Promise<Result<SyncRun, HubsyncError>> {
  const exact = await store.getRun(runId(id));
  if (exact !== undefined) return ok(exact);
  const matches = (await store.listRuns({ limit: PREFIX_SEARCH_RUNS })).filter((run) => run.id.startsWith(id));
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return ok(only);
  if (matches.length > 1) {
    return err(new HubsyncError("RUN_NOT_FOUND", `"${id}" starts ${matches.length} run ids: ${matches.slice(0, 5).map((r) => r.id).join(", ")}`, { subject: id, fix: "Give more characters of the id." }));
  }
  return err(new HubsyncError("RUN_NOT_FOUND", `no run with id "${id}"`, { subject: id }));
}

function fail(deps: CliDeps, options: LogsOptions, error: HubsyncError): number {
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify({ error: errorJson(error) })}\n`);
    return exitCodeFor(error.code);
  }
  return reportError(deps.stderr, error);
}

export function logsCommand(ctx: CommandContext): Command {
  return new Command("logs")
    .summary("the audit log of a run")
    .description(
      "Prints what a run did, oldest first: streams started and finished, records swept or merged, and every\n" +
        "warning and error with the record it is about — for an outbound run, the source row's key, the field\n" +
        "and HubSpot's own message for each row it refused. Reads only the store.",
    )
    .argument("<run>", "the run's id, or its first characters (as `hubsync runs` shows them)")
    .addOption(new Option("--level <level>", "show this level and above").choices([...auditLevels]))
    .option("--limit <n>", "at most this many entries", integerBetween(1, 1_000_000))
    .option("--json", "print one JSON object per entry (JSON lines)", false)
    .addHelpText("after", "\nExamples:\n  hubsync logs 3f2a9c1e\n  hubsync logs 3f2a9c1e --level warn\n  hubsync logs 3f2a9c1e --json | jq -r 'select(.level == \"error\") | .message'")
    .action(
      action(ctx, async (run: string, options: { level?: AuditLevel; limit?: number; json: boolean }, command: Command) =>
        runLogs(ctx.deps, {
          ...globalOptions(command),
          run,
          json: options.json,
          ...(options.level === undefined ? {} : { level: options.level }),
          ...(options.limit === undefined ? {} : { limit: options.limit }),
        }),
      ),
    );
}
