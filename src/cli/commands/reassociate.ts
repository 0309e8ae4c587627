import { Command } from "commander";
import { reassociateOutbound, type OutboundRunSummary } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { action, globalOptions, type CommandContext } from "../command-context.ts";
import { withOutboundSync } from "../context/with-outbound-sync.ts";
import { runOutboundOne } from "./run-outbound.ts";

export interface ReassociateOptions {
  config?: string;
  logLevel?: string;
  /** The outbound sync whose associations to resolve again. */
  name: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * Resolves every row's associations again — orphans first — without sending records whose
 * content has not changed: links rows to targets that exist now (a contact created since, an
 * email corrected, duplicates merged), with the same progress and summary as `sync run`.
 */
export async function runReassociate(deps: CliDeps, options: ReassociateOptions): Promise<number> {
  const summaries: OutboundRunSummary[] = [];
  return withOutboundSync(deps, options, ({ config, sync, session }) => runOutboundOne(deps, options, config, session, sync, reassociateOutbound, summaries));
}

export function reassociateCommand(ctx: CommandContext): Command {
  return new Command("reassociate")
    .summary("link an outbound sync's orphans (and every row) to association targets that exist now")
    .description(
      "Scans every row an outbound sync has written and resolves its associations again, orphans first:\n" +
        "a row whose target did not exist (a gift whose recipient had no contact yet) is linked once the\n" +
        "target exists — new contacts, changed emails, merged duplicates. Records whose content did not\n" +
        "change are not sent again. Every `sync run` retries orphans too; this does it now, for all rows.",
    )
    .argument("<sync>", "the outbound sync, as named under outbound: in the config")
    .option("--dry-run", "print the associations that would be added and removed; write nothing", false)
    .option("--json", "print the run's summary as one JSON line on stdout, and no progress", false)
    .addHelpText("after", "\nExamples:\n  hubsync reassociate gifts\n  hubsync reassociate gifts --dry-run")
    .action(
      action(ctx, async (name: string, options: { dryRun: boolean; json: boolean }, command: Command) =>
        runReassociate(ctx.deps, { ...globalOptions(command), name, dryRun: options.dryRun, json: options.json }),
      ),
    );
}
