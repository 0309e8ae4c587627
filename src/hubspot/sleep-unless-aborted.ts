import { HubsyncError } from "../core/hubsync-error.ts";
import type { WriteContext } from "./write-context.ts";

/** Waits on the injected clock; a cancelled wait is SYNC_ABORTED, as the transport reports it. */
export async function sleepUnlessAborted(ctx: WriteContext, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await ctx.clock.sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted === true) throw new HubsyncError("SYNC_ABORTED", "The write was cancelled.", { fix: "The sync was stopped; run it again to continue." });
    throw error;
  }
}
