import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { HubsyncError } from "../core/hubsync-error.ts";
import { err, type Result } from "../core/result.ts";
import type { HubsyncConfig } from "./hubsync-config.ts";
import type { Env } from "./interpolate-env.ts";
import { parseConfig } from "./parse-config.ts";

/**
 * Reads and validates a config file. CONFIG_NOT_FOUND when it cannot be read; CONFIG_INVALID
 * (a `ConfigInvalidError` listing every problem) when it is wrong. A relative SQLite path in
 * `store:` is taken relative to the file, not to the directory hubsync was started from.
 */
export async function loadConfig(path: string, env: Env = process.env): Promise<Result<HubsyncConfig, HubsyncError>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : "";
    if (code === "ENOENT") {
      return err(
        new HubsyncError("CONFIG_NOT_FOUND", `no config file at ${path}`, {
          subject: path,
          fix: "Run `hubsync init` to write a starter hubsync.yaml, or name your file with --config <path> (or HUBSYNC_CONFIG).",
          cause,
        }),
      );
    }
    return err(
      new HubsyncError("CONFIG_NOT_FOUND", `cannot read the config file ${path}${code === "" ? "" : ` (${code})`}`, {
        subject: path,
        fix: "Check that the path names a readable file.",
        cause,
      }),
    );
  }
  return parseConfig(text, env, { source: path, baseDir: dirname(resolve(path)) });
}
