import type { HubsyncConfig, OutboundSyncConfig } from "../../config/index.ts";
import type { CliDeps } from "../cli-deps.ts";
import { failWith } from "../commands/fail-with.ts";
import { selectOutboundSync } from "../commands/select-syncs.ts";
import { cliConfig } from "./cli-config.ts";
import { withRunSession, type RunSession } from "./run-session.ts";

export interface OutboundSyncCommandOptions {
  config?: string;
  logLevel?: string;
  /** The outbound sync the command works on. */
  name: string;
  json?: boolean;
}

/**
 * What every command about one outbound sync does first: reads the config, finds the sync by
 * name and opens a run session; a missing config or sync is reported as the command's error.
 */
export async function withOutboundSync(
  deps: CliDeps,
  options: OutboundSyncCommandOptions,
  fn: (context: { config: HubsyncConfig; sync: OutboundSyncConfig; session: RunSession }) => Promise<number>,
): Promise<number> {
  const loaded = await cliConfig(deps, options.config);
  if (!loaded.ok) return failWith(deps, options, loaded.error);
  const { config, path } = loaded.value;
  const sync = selectOutboundSync(config, path, options.name);
  if (!sync.ok) return failWith(deps, options, sync.error);
  return withRunSession(deps, config, options, (session) => fn({ config, sync: sync.value, session }));
}
