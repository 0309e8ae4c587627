import { Command } from "commander";
import { emulatorCommand } from "./commands/emulator.ts";

/** hubsync's command line: thin commands over the library. */
export function program(): Command {
  return new Command("hubsync")
    .description("Sync HubSpot with your database — and run a local HubSpot to develop against.")
    .showHelpAfterError("(run with --help for usage)")
    .addCommand(emulatorCommand());
}

await program().parseAsync(process.argv);
