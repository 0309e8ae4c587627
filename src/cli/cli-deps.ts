import { systemClock, type Clock } from "../core/clock.ts";
import { createLogger, type Logger } from "../core/logger.ts";
import type { Env } from "../config/index.ts";
import type { FetchLike } from "../hubspot/index.ts";

/** Where a command writes: stdout for results, stderr for progress, logs and errors. */
export interface CliOutput {
  write(text: string): void;
  /** A person is watching: draw progress bars and colours. */
  readonly isTTY: boolean;
  /** The terminal stream itself, for libraries that draw on it (progress bars); only on a TTY. */
  readonly tty?: NodeJS.WriteStream;
  /** Resolves once the stream has room again: long outputs wait on it so memory stays flat. */
  drained?(): Promise<void>;
}

/**
 * Every side effect a command has, injected: tests run commands in-process against the
 * emulator's fetch, with captured output and a silent logger.
 */
export interface CliDeps {
  env: Env;
  stdout: CliOutput;
  stderr: CliOutput;
  /** How the HubSpot client reaches HubSpot. */
  fetch: FetchLike;
  clock: Clock;
  /** A logger at `level` (default: HUBSYNC_LOG_LEVEL, else info); pretty on a TTY, JSON lines otherwise. */
  logger: (level?: string) => Logger;
  /** Calls `listener` on each Ctrl+C until the returned function is called. */
  onInterrupt: (listener: () => void) => () => void;
  /** Leaves the process at once (a second Ctrl+C). */
  exit: (code: number) => void;
}

function outputOf(stream: NodeJS.WriteStream): CliOutput {
  const isTTY = stream.isTTY === true;
  return {
    write: (text) => void stream.write(text),
    isTTY,
    ...(isTTY ? { tty: stream } : {}),
    drained: () => (stream.writableNeedDrain ? new Promise<void>((done) => stream.once("drain", () => done())) : Promise.resolve()),
  };
}

/** The real process: its streams, environment, network, clock and signals. */
export function systemCliDeps(): CliDeps {
  return {
    env: process.env,
    stdout: outputOf(process.stdout),
    stderr: outputOf(process.stderr),
    fetch: globalThis.fetch,
    clock: systemClock,
    logger: (level) => createLogger(level === undefined ? {} : { level }),
    onInterrupt: (listener) => {
      process.on("SIGINT", listener);
      return () => void process.off("SIGINT", listener);
    },
    exit: (code) => process.exit(code),
  };
}
