import type { HubsyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { Logger } from "../../core/logger.ts";
import { createHubSpotClientFactory, type InboundDeps } from "../../sync/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { errorJson } from "../error-json.ts";
import { exitCodeFor, exitCodes } from "../exit-code.ts";
import { reportError } from "../report-error.ts";
import { withStore } from "./open-cli-store.ts";
import { persistedOAuthTokens } from "./persisted-oauth-tokens.ts";

/** What a command that runs syncs gets: Ctrl+C as a signal, whether bars are drawn, the engine's deps. */
export interface RunSession {
  signal: AbortSignal;
  /** A person watches a terminal: draw live progress (else one line per event, or nothing with --json). */
  drawing: boolean;
  /** The same parts serve inbound and outbound runs: store, a client per connection, clock, logger. */
  engine: InboundDeps;
  logger: Logger;
}

export interface RunSessionOptions {
  json?: boolean;
  logLevel?: string;
}

/**
 * Opens the store, wires Ctrl+C to an AbortSignal (the first stops after the current page or
 * batch, the second leaves at once) and runs `fn`, whose result is the exit code. An error that
 * escapes (the store cannot be opened, a bug) is reported — as a JSON line with --json — and its
 * code is the exit code instead.
 */
export async function withRunSession(deps: CliDeps, config: HubsyncConfig, options: RunSessionOptions, fn: (session: RunSession) => Promise<number>): Promise<number> {
  const drawing = options.json !== true && deps.stderr.tty !== undefined;
  // Log lines would tear through the progress bars: keep them to warnings unless asked for more.
  const logger = deps.logger(options.logLevel ?? (drawing ? "warn" : undefined));
  const controller = new AbortController();
  let interrupts = 0;
  const unsubscribe = deps.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      deps.stderr.write("\nStopping after the current page or batch… (press Ctrl+C again to quit at once; the next run resumes)\n");
      controller.abort(new HubsyncError("SYNC_ABORTED", "stopped by Ctrl+C"));
    } else {
      // The bars hid the cursor; give it back before leaving mid-draw.
      if (drawing) deps.stderr.write("\u001b[?25h\n");
      deps.exit(exitCodes.interrupted);
    }
  });
  let exitCode: number = exitCodes.ok;
  try {
    exitCode = await withStore(config.store, deps.clock, logger, async (store) => {
      const tokens = await persistedOAuthTokens(store);
      const hubspotFor = createHubSpotClientFactory({ fetch: deps.fetch, clock: deps.clock, logger, ...tokens });
      const engine: InboundDeps = { store, hubspotFor, clock: deps.clock, logger };
      return fn({ signal: controller.signal, drawing, engine, logger });
    });
  } catch (error) {
    if (options.json === true && error instanceof HubsyncError) {
      deps.stdout.write(`${JSON.stringify({ status: "failed", error: errorJson(error) })}\n`);
      exitCode = exitCodeFor(error.code);
    } else {
      exitCode = reportError(deps.stderr, error);
    }
  } finally {
    unsubscribe();
  }
  return exitCode;
}
