import type { HubsyncConfig, InboundSyncConfig, OutboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";

/** A sync a command runs: inbound (with the streams to run; all when absent) or outbound. */
export type SelectedSync = { direction: "inbound"; sync: InboundSyncConfig; streams?: string[] } | { direction: "outbound"; sync: OutboundSyncConfig };

/** Every sync's name, inbound first, for messages. */
export function configuredSyncs(config: HubsyncConfig): string {
  return [...config.inbound, ...config.outbound].map((sync) => sync.name).join(", ");
}

/** Where to define a sync, for a config that has none. */
export function defineASync(path: string): string {
  return `Define a sync under inbound: (HubSpot → database) or outbound: (database → HubSpot) in ${path}.`;
}

/**
 * The syncs a command names: one by name (inbound or outbound), or all of them — inbound
 * first, then outbound, each in file order, so a run reads HubSpot before writing back what
 * the database derived from it. Unknown names fail with SYNC_NOT_FOUND listing what the
 * config has, before anything runs. `streams` applies to inbound syncs only.
 */
export function selectSyncs(config: HubsyncConfig, path: string, options: { name?: string; all?: boolean; streams?: string[] }): Result<SelectedSync[], HubsyncError> {
  const configured = configuredSyncs(config);
  const none = config.inbound.length === 0 && config.outbound.length === 0;
  if (options.name !== undefined && options.all === true) {
    return err(new HubsyncError("SYNC_NOT_FOUND", `name one sync or pass --all, not both (got "${options.name}" and --all)`, { fix: "Drop the name to run every sync, or drop --all." }));
  }
  if (options.name === undefined && options.all !== true) {
    return err(new HubsyncError("SYNC_NOT_FOUND", "which sync? none was named", { fix: none ? defineASync(path) : `Name one (${configured}) or pass --all.` }));
  }
  const all: SelectedSync[] = [
    ...config.inbound.map((sync): SelectedSync => ({ direction: "inbound", sync })),
    ...config.outbound.map((sync): SelectedSync => ({ direction: "outbound", sync })),
  ];
  const syncs = options.all === true ? all : all.filter((selected) => selected.sync.name === options.name);
  if (syncs.length === 0) {
    const what = options.all === true ? `${path} defines no syncs` : `${path} has no sync named "${options.name ?? ""}"`;
    return err(new HubsyncError("SYNC_NOT_FOUND", what, { subject: options.name ?? path, fix: none ? defineASync(path) : `Configured syncs: ${configured}.` }));
  }
  if (options.streams === undefined || options.streams.length === 0) return ok(syncs);

  const inbound = syncs.flatMap((selected) => (selected.direction === "inbound" ? [selected.sync] : []));
  if (inbound.length === 0) {
    return err(
      new HubsyncError("SYNC_NOT_FOUND", `--stream picks streams of inbound syncs; "${options.name ?? ""}" is an outbound sync`, {
        subject: options.name ?? path,
        fix: "Drop --stream: an outbound sync runs as a whole.",
      }),
    );
  }
  const wanted = [...new Set(options.streams)];
  const known = new Set(inbound.flatMap((sync) => sync.streams.map((s) => s.name)));
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return err(
      new HubsyncError("SYNC_NOT_FOUND", `no stream named ${unknown.map((n) => `"${n}"`).join(", ")} in ${inbound.map((s) => s.name).join(", ")}`, {
        subject: unknown.join(", "),
        fix: `Streams configured: ${[...known].join(", ")}.`,
      }),
    );
  }
  // With --all and --stream, each inbound sync runs the named streams it has; a sync with none
  // of them is skipped, and so are outbound syncs (they have no streams).
  return ok(
    inbound.flatMap((sync): SelectedSync[] => {
      const streams = wanted.filter((name) => sync.streams.some((s) => s.name === name));
      return streams.length === 0 ? [] : [{ direction: "inbound", sync, streams }];
    }),
  );
}

/**
 * The one outbound sync a command (schema apply, ids, reassociate …) is about. Naming an
 * inbound sync, or an unknown one, fails with SYNC_NOT_FOUND listing the outbound syncs.
 */
export function selectOutboundSync(config: HubsyncConfig, path: string, name: string): Result<OutboundSyncConfig, HubsyncError> {
  const sync = config.outbound.find((candidate) => candidate.name === name);
  if (sync !== undefined) return ok(sync);
  const outbound = config.outbound.map((candidate) => candidate.name).join(", ");
  const fix = config.outbound.length === 0 ? `Define one under outbound: in ${path}.` : `Outbound syncs: ${outbound}.`;
  if (config.inbound.some((candidate) => candidate.name === name)) {
    return err(new HubsyncError("SYNC_NOT_FOUND", `"${name}" is an inbound sync; this command works on outbound syncs`, { subject: name, fix }));
  }
  return err(new HubsyncError("SYNC_NOT_FOUND", `${path} has no outbound sync named "${name}"`, { subject: name, fix }));
}
