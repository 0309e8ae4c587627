import type { ErrorCode } from "../core/error-code.ts";

/**
 * hubsync's exit codes. Beyond 0, 1 and usage errors they follow BSD's sysexits.h, so a
 * script or a scheduler can tell "fix the config" from "try again later" without parsing text.
 */
export const exitCodes = {
  ok: 0,
  /** Finished, but something failed (a `check` problem, a run that ended failed, rows HubSpot refused). */
  failed: 1,
  /** The command line is wrong, or names a sync or run that does not exist. */
  usage: 64,
  /** A file hubsync must read is missing. */
  noInput: 66,
  /** HubSpot (or the network to it) is down. */
  unavailable: 69,
  /** A bug in hubsync: please report it. */
  software: 70,
  /** A file hubsync must write exists already (init without --force), or cannot be written (ids --output). */
  cantCreate: 73,
  /** The database failed. */
  ioError: 74,
  /** Temporary: rate limited, another run holds the lock, a write race. Retry later. */
  tempFail: 75,
  /** HubSpot answered something hubsync cannot use. */
  protocol: 76,
  /** HubSpot refused the credentials or their scopes. */
  noPermission: 77,
  /** hubsync.yaml is invalid. */
  config: 78,
  /** Stopped by Ctrl+C (128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit code for an error code: every code mapped, checked by the compiler. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case "CONFIG_INVALID":
      return exitCodes.config;
    case "CONFIG_NOT_FOUND":
      return exitCodes.noInput;
    case "HUBSPOT_UNAUTHORIZED":
    case "HUBSPOT_MISSING_SCOPES":
    case "OAUTH_REFRESH_FAILED":
      return exitCodes.noPermission;
    case "HUBSPOT_RATE_LIMITED":
    case "SYNC_ALREADY_RUNNING":
    case "STORE_CONFLICT":
      return exitCodes.tempFail;
    case "HUBSPOT_UNAVAILABLE":
      return exitCodes.unavailable;
    case "HUBSPOT_BAD_REQUEST":
    case "HUBSPOT_NOT_FOUND":
    case "HUBSPOT_CONFLICT":
    case "HUBSPOT_BAD_RESPONSE":
      return exitCodes.protocol;
    case "STORE_FAILED":
    case "SOURCE_FAILED":
      return exitCodes.ioError;
    case "SYNC_NOT_FOUND":
    case "RUN_NOT_FOUND":
      return exitCodes.usage;
    case "SYNC_ABORTED":
      return exitCodes.interrupted;
    case "RUN_ILLEGAL_TRANSITION":
      return exitCodes.software;
    default: {
      const _exhaustive: never = code;
      return _exhaustive;
    }
  }
}
