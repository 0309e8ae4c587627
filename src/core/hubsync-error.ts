import type { ErrorCode } from "./error-code.ts";

export interface HubsyncErrorDetails {
  /** What to do about it, in words a user can act on. */
  fix?: string;
  /** The record, field or key the error is about. */
  subject?: string;
  /** HubSpot's correlation id, for support requests. */
  correlationId?: string;
  status?: number;
  cause?: unknown;
}

/**
 * An expected failure with a code. Returned in `Result`s where callers decide what to do;
 * thrown only across layers that cannot continue (and caught at the edge).
 */
export class HubsyncError extends Error {
  readonly code: ErrorCode;
  readonly details: HubsyncErrorDetails;

  constructor(code: ErrorCode, message: string, details: HubsyncErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "HubsyncError";
    this.code = code;
    this.details = details;
  }
}
