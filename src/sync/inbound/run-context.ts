import type { InboundSyncConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { PortalId, RunId } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { Store } from "../../store/index.ts";
import type { InboundProgress } from "./inbound-contract.ts";
import type { InboundEngineOptions } from "./inbound-engine-options.ts";
import type { SyncLease } from "./sync-lock.ts";
import type { TypeCatalog } from "./type-catalog.ts";

/** What every stream of one run shares. */
export interface RunContext {
  store: Store;
  client: HubSpotClient;
  clock: Clock;
  logger: Logger;
  engine: InboundEngineOptions;
  sync: InboundSyncConfig;
  portal: PortalId;
  runId: RunId;
  /** Engine clock when the run started (epoch ms): cursors never pass it minus the overlap. */
  startedAt: number;
  /** Ignore cursors: every stream does a full listing pass. */
  full: boolean;
  signal: AbortSignal | undefined;
  lease: SyncLease;
  catalog: TypeCatalog;
  emit(event: InboundProgress): void;
  /** The client's rate-limit wait total when last reported, to emit what each page waited. */
  rateWaitedMs: number;
}

/** The signal option of client reads, present only when the run has one. */
export function readOptions(ctx: RunContext): { signal?: AbortSignal } {
  return ctx.signal === undefined ? {} : { signal: ctx.signal };
}

/** Throws SYNC_ABORTED between pages once the run's signal fired (reads in flight throw it themselves). */
export function checkAborted(ctx: RunContext): void {
  if (ctx.signal?.aborted === true) {
    throw new HubsyncError("SYNC_ABORTED", "The run was stopped before it finished; the next run continues from its last committed page.", {
      cause: ctx.signal.reason,
    });
  }
}
