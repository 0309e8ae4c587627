import type { OutboundSyncConfig } from "../../config/index.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { StoreTarget } from "../../store/index.ts";
import { missingColumns, sampleSource } from "./check-outbound-source.ts";
import { checkOutboundTarget } from "./check-outbound-target.ts";
import { finding, type OutboundCheck } from "./outbound-finding.ts";

/**
 * Everything an outbound sync needs, checked without writing: its source opens and yields
 * the columns the config names, and HubSpot has the object (or a declared schema), a match
 * property that identifies one record, the mapped properties and the association labels.
 * `client` is absent when the connection itself failed (reported with the connection).
 */
export async function checkOutbound(client: HubSpotClient | undefined, sync: OutboundSyncConfig, database: StoreTarget | undefined): Promise<OutboundCheck> {
  const sample = await sampleSource(sync, database);
  const findings = [...sample.findings, ...(sample.columns === undefined ? [] : missingColumns(sync, sample.columns))];
  if (client === undefined) findings.push(finding("note", "HubSpot", `not checked: connection "${sync.connection}" failed (above)`));
  else findings.push(...(await checkOutboundTarget(client, sync, sample.columns)));
  return { sync: sync.name, objectType: sync.objectType, findings };
}
