import type { Command } from "commander";
import type { CliDeps } from "./cli-deps.ts";
import { reportError } from "./report-error.ts";

/** What every command factory gets: the injected side effects, and where its exit code goes. */
export interface CommandContext {
  deps: CliDeps;
  finish: (exitCode: number) => void;
}

/** Options every command accepts, given before or after the command name. */
export interface GlobalOptions {
  config?: string;
  logLevel?: string;
}

/** The global options as the command sees them (commander keeps them on the root). */
export function globalOptions(command: Command): GlobalOptions {
  const all: Record<string, unknown> = command.optsWithGlobals();
  return {
    ...(typeof all["config"] === "string" ? { config: all["config"] } : {}),
    ...(typeof all["logLevel"] === "string" ? { logLevel: all["logLevel"] } : {}),
  };
}

/**
 * A commander action around a command's run function: its exit code is recorded, and an
 * error it throws is reported in words (HubsyncError) or as a bug (anything else).
 */
export function action<A extends unknown[]>(ctx: CommandContext, run: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      ctx.finish(await run(...args));
    } catch (error) {
      ctx.finish(reportError(ctx.deps.stderr, error));
    }
  };
}
