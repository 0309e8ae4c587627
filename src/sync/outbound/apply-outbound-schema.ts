import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok } from "../../core/result.ts";
import { asHubsyncError } from "../inbound/as-hubsync-error.ts";
import type { ApplyOutboundSchema } from "./outbound-contract.ts";
import { prepareTarget } from "./prepare-target.ts";

/**
 * Creates what a sync needs in HubSpot before rows can be written — its declared custom
 * object (with properties and association types), declared properties an existing object
 * lacks, and (with `createMissingProperties`) mapped properties HubSpot does not have — and
 * checks the rest (field map, match property, association labels). Idempotent; every run
 * does the same at its start.
 */
export const applyOutboundSchema: ApplyOutboundSchema = async (deps, config, syncName) => {
  const sync = config.outbound.find((s) => s.name === syncName);
  if (sync === undefined) return err(new HubsyncError("SYNC_NOT_FOUND", `No outbound sync named ${syncName}.`, { subject: syncName }));
  const connection = config.connections.find((c) => c.name === sync.connection);
  if (connection === undefined) return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} names connection ${sync.connection}, which the config does not define.`, { subject: sync.connection }));
  try {
    const prepared = await prepareTarget({ client: deps.hubspotFor(connection), sync, dryRun: false, signal: undefined });
    for (const note of prepared.notes) deps.logger.info({ sync: sync.name, action: note.action }, note.message);
    return ok({ schemaCreated: prepared.schemaCreated, propertiesCreated: prepared.propertiesCreated });
  } catch (error) {
    return err(asHubsyncError(error));
  }
};
