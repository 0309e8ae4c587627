import { Command, Option } from "commander";
import { checkCommand } from "./commands/check.ts";
import { emulatorCommand } from "./commands/emulator.ts";
import { idsCommand } from "./commands/ids.ts";
import { initCommand } from "./commands/init.ts";
import { logsCommand } from "./commands/logs.ts";
import { propertiesCommand } from "./commands/properties-refresh.ts";
import { reassociateCommand } from "./commands/reassociate.ts";
import { runsCommand } from "./commands/runs.ts";
import { scheduleCommand } from "./commands/schedule.ts";
import { schemaCommand } from "./commands/schema-apply.ts";
import { statusCommand } from "./commands/status.ts";
import { syncCommand } from "./commands/sync-run.ts";
import type { CommandContext } from "./command-context.ts";

const gettingStarted = `
Getting started:
  hubsync init                      write a commented hubsync.yaml (token from HUBSPOT_TOKEN)
  hubsync check                     config, database, the token's scopes, outbound sources and targets
  hubsync sync run crm              mirror HubSpot into the database (run again: only what changed)
  hubsync sync run users --dry-run  what an outbound sync would write to HubSpot (drop --dry-run to write)
  hubsync schedule                  run every sync on its schedule, until Ctrl+C
  hubsync status                    inbound: HubSpot's counts against the database's; outbound: rows synced
  hubsync runs                      run history;  hubsync logs <run>  one run's audit log
  hubsync ids users                 which HubSpot record each row of an outbound sync became
  hubsync emulator --seed demo      a local HubSpot with demo data, to try all of this offline

Exit codes:
  0 ok · 1 finished with failures · 64 bad command line, or an unknown sync or run · 66 config file
  missing · 69 HubSpot unreachable · 70 bug in hubsync · 73 file exists (init) or cannot be written ·
  74 database or outbound source failed · 75 try again later (rate limit, another run) · 76 HubSpot
  refused a request · 77 token or scopes refused · 78 invalid config · 130 stopped with Ctrl+C
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
    .addCommand(scheduleCommand(ctx))
    .addCommand(statusCommand(ctx))
    .addCommand(runsCommand(ctx))
    .addCommand(logsCommand(ctx))
    .addCommand(schemaCommand(ctx))
    .addCommand(propertiesCommand(ctx))
    .addCommand(reassociateCommand(ctx))
    .addCommand(idsCommand(ctx))
    .addCommand(emulatorCommand());
}
