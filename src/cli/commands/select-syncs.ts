import type { HubsyncConfig, InboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";

export interface SelectedSync {
  sync: InboundSyncConfig;
  /** The streams to run; all when absent. */
  streams?: string[];
}

/**
 * The syncs a command names: one by name, or all of them. Unknown names fail with
 * SYNC_NOT_FOUND listing what the config has, before anything runs.
 */
export function selectSyncs(config: HubsyncConfig, path: string, options: { name?: string; all?: boolean; streams?: string[] }): Result<SelectedSync[], HubsyncError> {
  const configured = config.inbound.map((sync) => sync.name).join(", ");
  if (options.name !== undefined && options.all === true) {
    return err(new HubsyncError("SYNC_NOT_FOUND", `name one sync or pass --all, not both (got "${options.name}" and --all)`, { fix: "Drop the name to run every sync, or drop --all." }));
  }
  if (options.name === undefined && options.all !== true) {
    return err(
      new HubsyncError("SYNC_NOT_FOUND", "which sync? none was named", {
        fix: config.inbound.length === 0 ? `Define a sync under inbound: in ${path}.` : `Name one (${configured}) or pass --all.`,
      }),
    );
  }
  const syncs = options.all === true ? config.inbound : config.inbound.filter((sync) => sync.name === options.name);
  if (syncs.length === 0) {
    const what = options.all === true ? `${path} defines no inbound syncs` : `${path} has no inbound sync named "${options.name ?? ""}"`;
    return err(new HubsyncError("SYNC_NOT_FOUND", what, { subject: options.name ?? path, fix: config.inbound.length === 0 ? `Define a sync under inbound: in ${path}.` : `Configured syncs: ${configured}.` }));
  }
  if (options.streams === undefined || options.streams.length === 0) return ok(syncs.map((sync) => ({ sync })));

  const wanted = [...new Set(options.streams)];
  const known = new Set(syncs.flatMap((sync) => sync.streams.map((s) => s.name)));
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return err(
      new HubsyncError("SYNC_NOT_FOUND", `no stream named ${unknown.map((n) => `"${n}"`).join(", ")} in ${syncs.map((s) => s.name).join(", ")}`, {
        subject: unknown.join(", "),
        fix: `Streams configured: ${[...known].join(", ")}.`,
      }),
    );
  }
  // With --all, each sync runs the named streams it has; a sync with none of them is skipped.
  return ok(
    syncs.flatMap((sync) => {
      const streams = wanted.filter((name) => sync.streams.some((s) => s.name === name));
      return streams.length === 0 ? [] : [{ sync, streams }];
    }),
  );
}
