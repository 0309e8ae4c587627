import { Command } from "commander";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { createHubSpotClientFactory, inboundStatus, type InboundDeps, type InboundStatus } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withStore } from "../context/open-cli-store.ts";
import { errorJson } from "../error-json.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";
import { reportError } from "../report-error.ts";
import { formatTable } from "../render/format-table.ts";
import { formatCursor } from "../render/format-cursor.ts";
import { formatCount, formatTime } from "../render/format-values.ts";
import { selectSyncs } from "./select-syncs.ts";

export interface StatusOptions {
  config?: string;
  logLevel?: string;
  /** One sync; every inbound sync when absent. */
  name?: string;
  json?: boolean;
}

/** Per stream of each sync: HubSpot's count against the store's live rows, deleted rows, the last run, the cursor. */
export async function runStatus(deps: CliDeps, options: StatusOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return fail(deps, options, loaded.error);
  const { config, path } = loaded.value;
  const selected = selectSyncs(config, path, options.name === undefined ? { all: true } : { name: options.name });
  if (!selected.ok) {
    if (options.name === undefined && config.inbound.length === 0) {
      deps.stdout.write(options.json === true ? "[]\n" : `${path} defines no inbound syncs yet.\n`);
      return exitCodes.ok;
    }
    return fail(deps, options, selected.error);
  }
  const logger = deps.logger(options.logLevel);
  let exitCode: number = exitCodes.ok;
  await withStore(config.store, deps.clock, logger, async (store) => {
    const inboundDeps: InboundDeps = { store, hubspotFor: createHubSpotClientFactory({ fetch: deps.fetch, clock: deps.clock, logger }), clock: deps.clock, logger };
    const statuses: InboundStatus[] = [];
    for (const { sync } of selected.value) {
      const status = await inboundStatus(inboundDeps, config, sync.name);
      if (!status.ok) {
        const code = fail(deps, options, status.error, sync.name);
        if (exitCode === exitCodes.ok) exitCode = code;
        continue;
      }
      statuses.push(status.value);
      if (options.json !== true) deps.stdout.write(`${renderStatus(status.value)}\n`);
    }
    if (options.json === true) deps.stdout.write(`${JSON.stringify(options.name === undefined ? statuses : statuses[0] ?? null)}\n`);
  });
  return exitCode;
}

/** `sync crm` then a table: stream, strategy, HubSpot, local, deleted, last run, cursor. */
export function renderStatus(status: InboundStatus): string {
  const rows = status.streams.map((s) => [
    s.stream,
    s.strategy,
    formatCount(s.hubspotTotal),
    formatCount(s.localRows),
    s.hubspotTotal === undefined ? "" : s.hubspotTotal === s.localRows ? "yes" : "no",
    formatCount(s.deletedRows),
    s.lastRun === undefined ? "never" : `${s.lastRun.status} ${formatTime(s.lastRun.finishedAt)}`,
    formatCursor(s.cursor),
  ]);
  const table = formatTable(
    [
      { heading: "stream" },
      { heading: "strategy" },
      { heading: "HubSpot", align: "right" },
      { heading: "local", align: "right" },
      { heading: "in step" },
      { heading: "deleted", align: "right" },
      { heading: "last run (UTC)" },
      { heading: "cursor (UTC)" },
    ],
    rows,
  );
  return `sync ${status.sync}\n${table}`;
}

function fail(deps: CliDeps, options: StatusOptions, error: HubsyncError, sync?: string): number {
  if (options.json === true) {
    deps.stdout.write(`${JSON.stringify({ ...(sync === undefined ? {} : { sync }), error: errorJson(error) })}\n`);
    return exitCodeFor(error.code);
  }
  return reportError(deps.stderr, error);
}

export function statusCommand(ctx: CommandContext): Command {
  return new Command("status")
    .summary("per stream: HubSpot's count vs local rows, deletions, last run, cursor")
    .description(
      "Shows, for each stream of each inbound sync (or of the one named): how many records HubSpot has, how\n" +
        "many live rows the store holds (and whether they match), rows marked deleted, the last run and the\n" +
        "saved cursor. Asks HubSpot for its counts, so it needs the connection to work.",
    )
    .argument("[name]", "one sync (default: all)")
    .option("--json", "print the status as JSON on stdout", false)
    .addHelpText("after", "\nExamples:\n  hubsync status\n  hubsync status crm --json | jq '.streams[] | select(.hubspotTotal != .localRows)'")
    .action(
      action(ctx, async (name: string | undefined, options: { json: boolean }, command: Command) =>
        runStatus(ctx.deps, { ...globalOptions(command), ...(name === undefined ? {} : { name }), json: options.json }),
      ),
    );
}
