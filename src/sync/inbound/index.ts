/**
 * The inbound engine: mirrors a HubSpot portal into the store (use case 1), stream by
 * stream — full refresh, incremental with an overlap window, client-side incremental —
 * with deletes, merges, associations, property history, filters and resumable cursors.
 * See docs/inbound.md.
 */
export { runInboundSync } from "./run-inbound-sync.ts";
export { inboundStatus } from "./inbound-status.ts";
export { createHubSpotClientFactory, type HubSpotClientFactoryOptions } from "./hubspot-client-factory.ts";
export { defaultInboundEngineOptions, type InboundEngineOptions } from "./inbound-engine-options.ts";
export { STREAM_CURSOR_VERSION } from "./stream-cursor.ts";
export type {
  InboundDeps,
  InboundProgress,
  InboundRunOptions,
  InboundRunSummary,
  InboundStatus,
  InboundStatusOf,
  RunInboundSync,
  StreamPass,
  StreamStatus,
  StreamSummary,
} from "./inbound-contract.ts";
