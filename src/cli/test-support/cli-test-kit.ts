import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../core/clock.ts";
import { silentLogger } from "../../core/logger.ts";
import type { Env } from "../../config/index.ts";
import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../emulator/index.ts";
import { emulatorClock } from "../../hubspot/test-support/emulator-clock.ts";
import type { CliDeps, CliOutput } from "../cli-deps.ts";

/** Output a test reads back. */
export interface CapturedOutput extends CliOutput {
  text(): string;
}

export function captured(): CapturedOutput {
  let text = "";
  return {
    isTTY: false,
    write: (chunk) => {
      text += chunk;
    },
    text: () => text,
  };
}

export interface CliKit {
  emulator: Emulator;
  /** A folder for config files and databases, removed by `cleanup`. */
  dir: string;
  /** Deps wired to the emulator (its fetch and clock), a silent logger and captured output. */
  deps(env?: Env): { deps: CliDeps; stdout: CapturedOutput; stderr: CapturedOutput; interrupt: () => void };
  /** Writes a config file into `dir` and returns its path. */
  writeConfig(text: string, name?: string): Promise<string>;
  cleanup(): Promise<void>;
}

/**
 * Test-only: an in-process emulator (no rate limits, no index lag unless asked), a temp folder,
 * and CLI deps that reach the emulator through its fetch on its clock.
 */
export async function cliKit(input: CreateEmulatorInput = {}): Promise<CliKit> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, ...input });
  const clock: Clock = emulatorClock(emulator);
  const dir = await mkdtemp(join(tmpdir(), "hubsync-cli-"));
  return {
    emulator,
    dir,
    deps(env = {}) {
      const stdout = captured();
      const stderr = captured();
      const listeners = new Set<() => void>();
      const deps: CliDeps = {
        env: { HUBSPOT_BASE_URL: emulator.info().baseUrl, HUBSPOT_TOKEN: emulator.info().token, ...env },
        stdout,
        stderr,
        fetch: emulator.fetch,
        clock,
        logger: () => silentLogger,
        onInterrupt: (listener) => {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
        exit: (code) => {
          throw new Error(`exit(${code}) called`);
        },
      };
      return { deps, stdout, stderr, interrupt: () => listeners.forEach((l) => l()) };
    },
    async writeConfig(text, name = "hubsync.yaml") {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A config mirroring the given streams (YAML under `streams:`) from the emulator into `dir`. */
export function mirrorConfig(streams: string, store = "sqlite:./mirror.db"): string {
  return `version: 1
store: "${store}"
connections:
  hubspot:
    baseUrl: \${HUBSPOT_BASE_URL}
    auth:
      type: private_app
      token: \${HUBSPOT_TOKEN}
inbound:
  crm:
    connection: hubspot
    schedule: manual
    streams:
${streams
  .trim()
  .split("\n")
  .map((line) => `      ${line}`)
  .join("\n")}
`;
}

/** A config with outbound syncs (YAML under `outbound:`) writing to the emulator, the store (and the sources' tables) in `dir`. */
export function outboundConfig(syncs: string, store = "sqlite:./app.db"): string {
  return `version: 1
store: "${store}"
connections:
  hubspot:
    baseUrl: \${HUBSPOT_BASE_URL}
    auth:
      type: private_app
      token: \${HUBSPOT_TOKEN}
outbound:
${syncs
  .trim()
  .split("\n")
  .map((line) => `  ${line}`)
  .join("\n")}
`;
}
