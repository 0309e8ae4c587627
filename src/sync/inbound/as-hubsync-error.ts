import type { ErrorCode } from "../../core/error-code.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";

/** Anything a stream threw, as a HubsyncError: unexpected errors come from the database driver (or are bugs). */
export function asHubsyncError(error: unknown): HubsyncError {
  if (error instanceof HubsyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new HubsyncError("STORE_FAILED", `Unexpected failure: ${message}`, { cause: error, fix: "See the log for details; if it persists, report it with the log." });
}

/**
 * Failures after which the run stops rather than going on with its other streams: the run
 * was stopped or lost its lock, the credentials no longer work, HubSpot is down or out of
 * budget, or the store failed. Other failures (a missing scope, an unknown custom object, a
 * filter HubSpot refuses) concern one stream: the others still run.
 */
export function stopsTheRun(code: ErrorCode): boolean {
  switch (code) {
    case "SYNC_ABORTED":
    case "SYNC_ALREADY_RUNNING":
    case "HUBSPOT_UNAUTHORIZED":
    case "OAUTH_REFRESH_FAILED":
    case "HUBSPOT_RATE_LIMITED":
    case "HUBSPOT_UNAVAILABLE":
    case "STORE_FAILED":
    case "STORE_CONFLICT":
    case "RUN_NOT_FOUND":
    case "RUN_ILLEGAL_TRANSITION":
      return true;
    case "CONFIG_INVALID":
    case "CONFIG_NOT_FOUND":
    case "HUBSPOT_MISSING_SCOPES":
    case "HUBSPOT_BAD_REQUEST":
    case "HUBSPOT_NOT_FOUND":
    case "HUBSPOT_CONFLICT":
    case "HUBSPOT_BAD_RESPONSE":
    case "SYNC_NOT_FOUND":
      return false;
    default:
      return true;
  }
}
