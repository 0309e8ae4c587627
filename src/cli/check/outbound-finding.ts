import type { ErrorCode } from "../../core/error-code.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";

/** ok: fine · note: fine, with something to know · warn: works, but risky · fail: the sync would fail. */
export type FindingLevel = "ok" | "note" | "warn" | "fail";

/** One thing `hubsync check` found about an outbound sync. */
export interface OutboundFinding {
  level: FindingLevel;
  /** What it is about: `source`, `object`, `match`, `property "plan"`, `association to companies`. */
  subject: string;
  message: string;
  fix?: string;
  /** For a failure: the code whose exit code the check ends with. */
  code?: ErrorCode;
}

/** What `hubsync check` found for one outbound sync. */
export interface OutboundCheck {
  sync: string;
  objectType: string;
  findings: OutboundFinding[];
}

export function finding(level: FindingLevel, subject: string, message: string, extra: { fix?: string; code?: ErrorCode } = {}): OutboundFinding {
  return { level, subject, message, ...extra };
}

/** A HubSpot or source error as a failed finding, with its own fix. */
export function failedWith(subject: string, error: HubsyncError): OutboundFinding {
  return finding("fail", subject, error.message, { code: error.code, ...(error.details.fix === undefined ? {} : { fix: error.details.fix }) });
}
