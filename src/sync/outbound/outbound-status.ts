import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok } from "../../core/result.ts";
import { asHubsyncError } from "../inbound/as-hubsync-error.ts";
import type { OutboundStatus, OutboundStatusOf } from "./outbound-contract.ts";

/** How a sync's rows stand (from the store alone: HubSpot is not called) and its last run. */
export const outboundStatus: OutboundStatusOf = async (deps, config, syncName) => {
  const sync = config.outbound.find((s) => s.name === syncName);
  if (sync === undefined) return err(new HubsyncError("SYNC_NOT_FOUND", `No outbound sync named ${syncName}.`, { subject: syncName }));
  try {
    const counts = await deps.store.countOutboundRows(sync.name);
    const status: OutboundStatus = { sync: sync.name, rows: counts.rows, synced: counts.synced, failing: counts.failing, orphans: counts.orphans };
    const [last] = await deps.store.listRuns({ sync: sync.name, limit: 1 });
    if (last !== undefined) status.lastRun = { runId: last.id, status: last.status, ...(last.finishedAt === null ? {} : { finishedAt: Date.parse(last.finishedAt) }) };
    return ok(status);
  } catch (error) {
    return err(asHubsyncError(error));
  }
};
