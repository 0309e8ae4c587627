import { HubsyncError } from "../../core/hubsync-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { HubsyncConfig } from "../../config/index.ts";
import type { HubSpotProperty } from "../../hubspot/index.ts";
import { checkFieldMap, type FieldMapIssue } from "../../mapping/index.ts";
import { asHubsyncError } from "../inbound/as-hubsync-error.ts";
import { TypeCatalog } from "../inbound/type-catalog.ts";
import type { OutboundDeps } from "./outbound-contract.ts";
import { isUniqueKey } from "./prepare-target.ts";

/** A sync's target object as HubSpot describes it now, checked against the sync's field map. */
export interface PropertiesReport {
  sync: string;
  objectType: string;
  /** The object's live properties, by internal name. */
  properties: HubSpotProperty[];
  /** Field map problems (unknown or read-only properties…): a run would stop on them. */
  issues: FieldMapIssue[];
  /** How rows are matched, and whether the match property has unique values. */
  match?: { property: string; unique: boolean };
}

/**
 * Reads the property definitions of a sync's target object (`hubsync properties refresh`):
 * what can be mapped, and whether the field map and match fit them. Every run reads them
 * afresh as well, so a property created in HubSpot is usable on the next run.
 */
export async function refreshProperties(deps: OutboundDeps, config: HubsyncConfig, syncName: string): Promise<Result<PropertiesReport, HubsyncError>> {
  const sync = config.outbound.find((s) => s.name === syncName);
  if (sync === undefined) return err(new HubsyncError("SYNC_NOT_FOUND", `No outbound sync named ${syncName}.`, { subject: syncName }));
  const connection = config.connections.find((c) => c.name === sync.connection);
  if (connection === undefined) return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} names connection ${sync.connection}, which the config does not define.`, { subject: sync.connection }));
  try {
    const client = deps.hubspotFor(connection);
    const type = await new TypeCatalog(client, undefined).resolve(sync.customObject?.name ?? sync.objectType);
    const properties = (await client.properties(type.apiType)).filter((property) => !property.archived);
    const byName = new Map(properties.map((property) => [property.name, property]));
    const report: PropertiesReport = { sync: sync.name, objectType: type.storeType, properties, issues: checkFieldMap(sync.fields, byName) };
    if (sync.match !== undefined) report.match = { property: sync.match.property, unique: isUniqueKey(type.apiType, byName.get(sync.match.property), sync.match.property) };
    return ok(report);
  } catch (error) {
    return err(asHubsyncError(error));
  }
}
