import { configPath, loadConfig, type HubsyncConfig } from "../../config/index.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { Result } from "../../core/result.ts";
import type { CliDeps } from "../cli-deps.ts";

/** The config a command runs with: --config, else HUBSYNC_CONFIG, else ./hubsync.yaml. */
export async function cliConfig(deps: CliDeps, explicitPath: string | undefined): Promise<Result<{ path: string; config: HubsyncConfig }, HubsyncError>> {
  const path = configPath(explicitPath, deps.env);
  const loaded = await loadConfig(path, deps.env);
  return loaded.ok ? { ok: true, value: { path, config: loaded.value } } : loaded;
}
