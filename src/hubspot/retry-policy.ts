import type { ErrorCode } from "../core/error-code.ts";
import type { CallKind } from "./client-stats.ts";

/**
 * What to do with a failed attempt:
 * - `backoff`: wait (jittered, exponential, or `Retry-After` when given) and try again;
 * - `rate-limit`: wait until the rate window frees (or `Retry-After`) and try again;
 * - `refresh`: get a new OAuth access token once, then try again;
 * - `fail`: give up at once.
 */
export type RetryAction = "backoff" | "rate-limit" | "refresh" | "fail";

export interface RetryRule {
  action: RetryAction;
  /** The code a caller sees when the rule fails the request (at once, or when retries run out). */
  code: ErrorCode;
  /** What went wrong, for the user; HubSpot's own message is appended. */
  message: string;
  /** What the user can do about it. */
  fix: string;
}

const unavailable = (message: string): RetryRule => ({
  action: "backoff",
  code: "HUBSPOT_UNAVAILABLE",
  message,
  fix: "HubSpot is having trouble; the request was retried with back-off. Run the sync again later, or check https://status.hubspot.com.",
});

/**
 * HubSpot's HTTP failures and what the client does about each (hubspot-api-notes §6: retry
 * 429, 423, 477, 500, 502, 503, 504, 521, 523, 524 and network errors; never blindly retry
 * other 4xx). Keys are statuses, plus `network` (no answer), `missing-scopes` (a 403 whose
 * category says so) and the `4xx` / `5xx` fallbacks.
 */
export const retryPolicy = {
  "401": {
    action: "refresh",
    code: "HUBSPOT_UNAUTHORIZED",
    message: "HubSpot rejected the access token",
    fix: "Check the private-app token, or reconnect the portal to get a new OAuth refresh token.",
  },
  "missing-scopes": {
    action: "fail",
    code: "HUBSPOT_MISSING_SCOPES",
    message: "The HubSpot app lacks a scope this call needs",
    fix: "Add the named scope(s) to the private app (or the OAuth app's requested scopes) and reconnect.",
  },
  "403": {
    action: "fail",
    code: "HUBSPOT_UNAUTHORIZED",
    message: "HubSpot refused access",
    fix: "Check that the token's user or app may read this data in this portal.",
  },
  "404": {
    action: "fail",
    code: "HUBSPOT_NOT_FOUND",
    message: "HubSpot has no such object",
    fix: "Check the object type, id or list named in the configuration.",
  },
  "409": {
    action: "fail",
    code: "HUBSPOT_CONFLICT",
    message: "HubSpot reported a conflict",
    fix: "Another record already holds a unique value; see HubSpot's message.",
  },
  "423": unavailable("HubSpot kept the records locked (423) after every retry"),
  "429": {
    action: "rate-limit",
    code: "HUBSPOT_RATE_LIMITED",
    message: "HubSpot's rate limit was still reached after waiting",
    fix: "Another integration may share this app's budget; run the sync later or lower its concurrency.",
  },
  "477": unavailable("HubSpot is migrating this account (477)"),
  "500": unavailable("HubSpot failed with an internal error (500) on every attempt"),
  "502": unavailable("HubSpot answered Bad Gateway (502) on every attempt"),
  "503": unavailable("HubSpot was unavailable (503) on every attempt"),
  "504": unavailable("HubSpot timed out (504) on every attempt"),
  "521": unavailable("HubSpot's servers were down (521) on every attempt"),
  "523": unavailable("HubSpot's servers were unreachable (523) on every attempt"),
  "524": unavailable("HubSpot timed out (524) on every attempt"),
  network: unavailable("HubSpot could not be reached (connection reset, refused or timed out) on every attempt"),
  "4xx": {
    action: "fail",
    code: "HUBSPOT_BAD_REQUEST",
    message: "HubSpot refused the request",
    fix: "This is likely a hubsync bug or an invalid configuration value; HubSpot's message says which.",
  },
  "5xx": {
    action: "fail",
    code: "HUBSPOT_UNAVAILABLE",
    message: "HubSpot failed with an unexpected server error",
    fix: "Run the sync again later; if it persists, report HubSpot's correlation id to HubSpot support.",
  },
} as const satisfies Record<string, RetryRule>;

export type RetryRuleKey = keyof typeof retryPolicy;

/**
 * What to do after a failure HubSpot may have applied (no answer, or a 5xx after the write):
 * `retry` as for reads; or `verify`: hand the failure back to the caller, who looks for the
 * write before sending it again. 401, 423, 429 and 477 come before HubSpot applies anything,
 * so they are retried (or refreshed) for every write, as the table above says.
 */
export type Replay = "retry" | "verify";

/**
 * Writes in the retry policy (pitfall 10): a write is retried blindly only when sending it
 * twice cannot do more than sending it once; otherwise it is verified first. Keys are the
 * write call kinds of `client-stats.ts`.
 */
export const writeReplay = {
  update: { replay: "retry", why: "the same values sent again change nothing" },
  upsert: { replay: "retry", why: "matched by a unique property: a second send updates the record the first created" },
  archive: { replay: "retry", why: "archiving an archived record does nothing" },
  "association-write": { replay: "retry", why: "a pair's labels become what is sent; removing twice removes once" },
  "list-write": { replay: "retry", why: "adding a member twice, or removing one twice, changes nothing the second time (creating a list is verified, as a definition)" },
  create: { replay: "verify", why: "a second send creates a second record: after a lost answer the records are read by a unique property (idProperty) first, and only those not found are sent again; without one, the input is reported OUTCOME_UNKNOWN" },
  "metadata-write": { replay: "verify", why: "creates a definition (property, group, schema, label, list): it is looked up by name before it is sent again" },
} as const satisfies Partial<Record<CallKind, { replay: Replay; why: string }>>;

export type WriteKind = keyof typeof writeReplay;

/** The rule for an answer's status (and, for 403, its error category). */
export function retryRuleFor(status: number, category?: string): { key: RetryRuleKey; rule: RetryRule } {
  const key: RetryRuleKey =
    status === 403 && category === "MISSING_SCOPES"
      ? "missing-scopes"
      : String(status) in retryPolicy
        ? (String(status) as RetryRuleKey)
        : status >= 500
          ? "5xx"
          : "4xx";
  return { key, rule: retryPolicy[key] };
}
