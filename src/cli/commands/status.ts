import { Command } from "commander";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { inboundStatus, outboundStatus, type InboundStatus, type OutboundStatus } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { cliConfig } from "../context/cli-config.ts";
import { withRunSession } from "../context/run-session.ts";
import { exitCodes } from "../exit-code.ts";
import { formatTable } from "../render/format-table.ts";
import { formatCursor } from "../render/format-cursor.ts";
import { formatCount, formatTime } from "../render/format-values.ts";
import { failWith } from "./fail-with.ts";
import { selectSyncs } from "./select-syncs.ts";

export interface StatusOptions {
  config?: string;
  logLevel?: string;
  /** One sync; every sync (inbound, then outbound) when absent. */
  name?: string;
  json?: boolean;
}

/** A sync's status as `--json` prints it: which way it syncs, then the engine's status. */
export type StatusJson = ({ direction: "inbound" } & InboundStatus) | ({ direction: "outbound" } & OutboundStatus);

/**
 * Inbound syncs, per stream: HubSpot's count against the store's live rows, deleted rows, the
 * last run, the cursor. Outbound syncs: the rows the sync knows, how many are synced, failing
 * or orphaned, and the last run.
 */
export async function runStatus(deps: CliDeps, options: StatusOptions): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return failWith(deps, options, loaded.error);
  const { config, path } = loaded.value;
  if (options.name === undefined && config.inbound.length === 0 && config.outbound.length === 0) {
    deps.stdout.write(options.json === true ? "[]\n" : `${path} defines no syncs yet.\n`);
    return exitCodes.ok;
  }
  const selected = selectSyncs(config, path, options.name === undefined ? { all: true } : { name: options.name });
  if (!selected.ok) return failWith(deps, options, selected.error);
  return withRunSession(deps, config, options, async ({ engine }) => {
    let exitCode: number = exitCodes.ok;
    const statuses: StatusJson[] = [];
    for (const selection of selected.value) {
      const name = selection.sync.name;
      const status: { ok: true; value: StatusJson } | { ok: false; error: HubsyncError } =
        selection.direction === "inbound"
          ? withDirection("inbound", await inboundStatus(engine, config, name))
          : withDirection("outbound", await outboundStatus(engine, config, name));
      if (!status.ok) {
        const code = failWith(deps, options, status.error, name);
        if (exitCode === exitCodes.ok) exitCode = code;
        continue;
      }
      statuses.push(status.value);
      if (options.json !== true) deps.stdout.write(`${status.value.direction === "inbound" ? renderStatus(status.value) : renderOutboundStatus(status.value)}\n`);
    }
    if (options.json === true) deps.stdout.write(`${JSON.stringify(options.name === undefined ? statuses : (statuses[0] ?? null))}\n`);
    return exitCode;
  });
}

function withDirection<D extends "inbound" | "outbound", S>(direction: D, result: { ok: true; value: S } | { ok: false; error: HubsyncError }): { ok: true; value: { direction: D } & S } | { ok: false; error: HubsyncError } {
  return result.ok ? { ok: true, value: { direction, ...result.value } } : result;
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

/** `outbound sync users` then one row: rows known, synced, failing, orphans, the last run. */
export function renderOutboundStatus(status: OutboundStatus): string {
  const last = status.lastRun === undefined ? "never" : `${status.lastRun.status} ${formatTime(status.lastRun.finishedAt)}`;
  const table = formatTable(
    [
      { heading: "rows", align: "right" },
      { heading: "synced", align: "right" },
      { heading: "failing", align: "right" },
      { heading: "orphans", align: "right" },
      { heading: "last run (UTC)" },
    ],
    [[formatCount(status.rows), formatCount(status.synced), formatCount(status.failing), formatCount(status.orphans), last]],
  );
  const hints = [
    status.failing > 0 && status.lastRun !== undefined ? `  failing rows, with HubSpot's messages: hubsync logs ${status.lastRun.runId.slice(0, 8)} --level warn\n` : "",
    status.orphans > 0 ? `  orphans wait for an association target: hubsync reassociate ${status.sync}\n` : "",
  ].join("");
  return `outbound sync ${status.sync}\n${table}${hints}`;
}

export function statusCommand(ctx: CommandContext): Command {
  return new Command("status")
    .summary("inbound: HubSpot's count vs local rows per stream; outbound: rows synced, failing, orphaned")
    .description(
      "Shows, for each sync (or the one named):\n" +
        "  • inbound, per stream: how many records HubSpot has, how many live rows the store holds (and\n" +
        "    whether they match), rows marked deleted, the last run and the saved cursor. Asks HubSpot for\n" +
        "    its counts, so it needs the connection to work.\n" +
        "  • outbound: the source rows the sync knows, how many are synced to a HubSpot record, how many\n" +
        "    failed last time, how many wait for an association target (orphans), and the last run.",
    )
    .argument("[name]", "one sync (default: all)")
    .option("--json", "print the status as JSON on stdout", false)
    .addHelpText(
      "after",
      "\nExamples:\n  hubsync status\n  hubsync status crm --json | jq '.streams[] | select(.hubspotTotal != .localRows)'\n  hubsync status users-to-contacts --json | jq '{synced, failing, orphans}'",
    )
    .action(
      action(ctx, async (name: string | undefined, options: { json: boolean }, command: Command) =>
        runStatus(ctx.deps, { ...globalOptions(command), ...(name === undefined ? {} : { name }), json: options.json }),
      ),
    );
}
