/**
 * The outbound engine: pushes rows of a table, SQL query, CSV or JSONL file into HubSpot
 * (use cases 2 and 3) — only rows that changed, records 100 a call and then associations
 * 2,000 a call, lists kept equal to the source, mirror-mode archives, write-back of record
 * ids, orphans re-associated later. See docs/outbound.md.
 */
export { runOutboundSync } from "./run-outbound-sync.ts";
export { reassociateOutbound } from "./reassociate-outbound.ts";
export { applyOutboundSchema } from "./apply-outbound-schema.ts";
export { outboundStatus } from "./outbound-status.ts";
export { outboundRecordIds } from "./outbound-record-ids.ts";
export { refreshProperties, type PropertiesReport } from "./refresh-properties.ts";
export type {
  ApplyOutboundSchema,
  OutboundDeps,
  OutboundPhase,
  OutboundPlan,
  OutboundProgress,
  OutboundRecordId,
  OutboundRecordIds,
  OutboundRunOptions,
  OutboundRunSummary,
  OutboundStatus,
  OutboundStatusOf,
  ReassociateOutbound,
  RunOutboundSync,
} from "./outbound-contract.ts";
