import type { Env } from "./interpolate-env.ts";

/** The file hubsync reads when neither --config nor HUBSYNC_CONFIG names one. */
export const defaultConfigFile = "hubsync.yaml";

/** Which config file to read: an explicit path (a --config flag), else HUBSYNC_CONFIG, else ./hubsync.yaml. */
export function configPath(explicit?: string, env: Env = process.env): string {
  const fromEnv = env["HUBSYNC_CONFIG"];
  return explicit ?? (fromEnv !== undefined && fromEnv !== "" ? fromEnv : defaultConfigFile);
}
