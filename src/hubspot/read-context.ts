import type { Logger } from "../core/logger.ts";
import type { HubSpotLimits } from "./hubspot-limits.ts";
import type { Transport } from "./transport.ts";

/** What every read needs: the transport, the limits, the base URL (for URL lengths) and a logger. */
export interface ReadContext {
  transport: Transport;
  limits: HubSpotLimits;
  baseUrl: string;
  logger: Logger;
}

/** Options every read accepts. */
export interface ReadOptions {
  /** Cancels the read: the pending request is aborted and SYNC_ABORTED thrown. */
  signal?: AbortSignal;
}
