import { pino, type Logger } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  level?: string;
  /** Pretty lines for a person (default: when stderr is a terminal); JSON lines otherwise. */
  pretty?: boolean;
}

/** hubsync's logger: writes to stderr so stdout stays free for command output. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env["HUBSYNC_LOG_LEVEL"] ?? "info";
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  if (pretty) {
    return pino({ level, transport: { target: "pino-pretty", options: { destination: 2, colorize: true, ignore: "pid,hostname" } } });
  }
  return pino({ level }, pino.destination(2));
}

/** A logger that drops everything, for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: "silent" });
