/** Every expected failure hubsync reports, as a code the CLI, server and dashboard map exhaustively. */
export const errorCodes = [
  "CONFIG_INVALID",
  "CONFIG_NOT_FOUND",
  "HUBSPOT_UNAUTHORIZED",
  "HUBSPOT_MISSING_SCOPES",
  "HUBSPOT_RATE_LIMITED",
  "HUBSPOT_UNAVAILABLE",
  "HUBSPOT_BAD_REQUEST",
  "HUBSPOT_NOT_FOUND",
  "HUBSPOT_CONFLICT",
  "HUBSPOT_BAD_RESPONSE",
  "OAUTH_REFRESH_FAILED",
  "STORE_FAILED",
  "SYNC_NOT_FOUND",
  "SYNC_ALREADY_RUNNING",
  "SYNC_ABORTED",
  /** A write lost an optimistic-locking race (a cursor version moved on underneath it). */
  "STORE_CONFLICT",
  "RUN_NOT_FOUND",
  /** A sync run was asked to move to a status its lifecycle does not allow from where it is. */
  "RUN_ILLEGAL_TRANSITION",
  /** An outbound sync's source (table, query, CSV or JSONL file) cannot be read at all. */
  "SOURCE_FAILED",
] as const;

export type ErrorCode = (typeof errorCodes)[number];
