import { HubsyncError } from "../core/hubsync-error.ts";

/**
 * The error of a source that cannot be read at all (a query that fails, a missing file, a
 * header without the key column): names the sync, and what is wrong in the user's terms.
 * Thrown from the row iterator — a page stream has no other way to fail — and caught by the run.
 */
export function sourceFailed(sync: string, problem: string, details: { fix?: string; subject?: string; cause?: unknown } = {}): HubsyncError {
  return new HubsyncError("SOURCE_FAILED", `outbound sync "${sync}": ${problem}`, details);
}

/** The message of whatever a driver threw. */
export function causeText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
