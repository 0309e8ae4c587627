import { Command, Option } from "commander";
import { checkCommand } from "./commands/check.ts";
import { emulatorCommand } from "./commands/emulator.ts";
import { initCommand } from "./commands/init.ts";
import { logsCommand } from "./commands/logs.ts";
import { runsCommand } from "./commands/runs.ts";
import { statusCommand } from "./commands/status.ts";
import { syncCommand } from "./commands/sync-run.ts";
import type { CommandContext } from "./command-context.ts";

const gettingStarted = `
Getting started:
  hubsync init                    write a commented hubsync.yaml (token from HUBSPOT_TOKEN)
  hubsync check                   config, database and the token's scopes — each problem with its fix
  hubsync sync run crm            mirror HubSpot into the database (run again: only what changed)
  hubsync status                  HubSpot's counts against the database's, per stream
  hubsync runs                    run history;  hubsync logs <run>  one run's audit log
  hubsync emulator --seed demo    a local HubSpot with demo data, to try all of this offline

Exit codes:
  0 ok · 1 finished with failures · 64 bad command line, or an unknown sync or run · 66 config file
  missing · 69 HubSpot unreachable · 70 bug in hubsync · 73 file exists (init) · 74 database failed ·
  75 try again later (rate limit, another run) · 76 HubSpot refused a request · 77 token or scopes
  refused · 78 invalid config · 130 stopped with Ctrl+C
`;

/** hubsync's command line: thin commands over the library. */
export function program(ctx: CommandContext): Command {
  return new Command("hubsync")
    .description("Sync HubSpot with your database — and run a local HubSpot to develop against.")
    .option("-c, --config <path>", "the config file (default: $HUBSYNC_CONFIG, else ./hubsync.yaml)")
    .addOption(new Option("--log-level <level>", "log detail on stderr (default: $HUBSYNC_LOG_LEVEL, else info)").choices(["trace", "debug", "info", "warn", "error", "fatal", "silent"]))
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", gettingStarted)
    .addCommand(initCommand(ctx))
    .addCommand(checkCommand(ctx))
    .addCommand(syncCommand(ctx))
    .addCommand(statusCommand(ctx))
    .addCommand(runsCommand(ctx))
    .addCommand(logsCommand(ctx))
    .addCommand(emulatorCommand());
}
