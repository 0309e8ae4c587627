/**
 * The outbound engine's own sizes (HubSpot's limits live in the client's options; the lock
 * lease and audit cap are the inbound engine's, shared through `OutboundDeps.engine`).
 */
export const outboundTunables = {
  /** Rows whose associations are resolved and written together: one association batch read (1,000 ids) covers them. */
  associationChunkRows: 1_000,
  /** Association values resolved once per run and remembered; past this many the memory is cleared. */
  resolutionCacheLimit: 50_000,
  /** Concrete examples per kind of change a plan keeps for people reading a dry run. */
  planSamplesPerKind: 5,
} as const;
