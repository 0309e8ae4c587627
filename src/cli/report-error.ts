import { HubsyncError } from "../core/hubsync-error.ts";
import type { CliOutput } from "./cli-deps.ts";
import { errorWords } from "./error-words.ts";
import { exitCodeFor, exitCodes, type ExitCode } from "./exit-code.ts";

/** The words a person reads for an error: headline, HubSpot's or hubsync's message, the fix. */
export function formatError(error: HubsyncError): string {
  const words = errorWords(error.code);
  const lines = [`error: ${words.headline} (${error.code})`, indent(error.message)];
  lines.push(`fix: ${error.details.fix ?? words.fix}`);
  if (error.details.correlationId !== undefined) lines.push(`HubSpot correlation id: ${error.details.correlationId}`);
  return `${lines.join("\n")}\n`;
}

/** Writes an error where people look (stderr) and returns the exit code it maps to. */
export function reportError(stderr: CliOutput, error: unknown): ExitCode {
  if (error instanceof HubsyncError) {
    stderr.write(formatError(error));
    return exitCodeFor(error.code);
  }
  // Not an expected failure: a bug. Show everything a report needs.
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`error: hubsync failed unexpectedly — this is a bug, please report it:\n${indent(text)}\n`);
  return exitCodes.software;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
