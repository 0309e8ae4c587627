import { CommanderError, type Command } from "commander";
import type { CliDeps } from "./cli-deps.ts";
import { exitCodes } from "./exit-code.ts";
import { program } from "./program.ts";
import { reportError } from "./report-error.ts";

/**
 * Parses `argv` (the arguments after `hubsync`), runs the command and returns its exit code.
 * Nothing here touches the process: tests call it with injected deps.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const root = program({ deps, finish: (code) => (exitCode = code) });
  forEachCommand(root, (command) =>
    command.exitOverride().configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    }),
  );
  try {
    await root.parseAsync([...argv], { from: "user" });
  } catch (error) {
    // --help and --version end through here with code 0; a wrong command line with a message already shown.
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    return reportError(deps.stderr, error);
  }
  return exitCode;
}

function forEachCommand(command: Command, fn: (command: Command) => void): void {
  fn(command);
  for (const sub of command.commands) forEachCommand(sub, fn);
}
