/**
 * The outbound engine's own sizes (HubSpot's limits live in the client's options; the lock
 * lease and audit cap are the inbound engine's, shared through `OutboundDeps.engine`).
 */
export const outboundTunables = {
  /**
   * Rows whose associations are resolved and written together. HubSpot takes 2,000 pairs per
   * association write, so 2,000 rows of one pair each fill one call; the client splits the
   * batch reads of current associations at its own 1,000-id limit.
   */
  associationChunkRows: 2_000,
  /** Association values resolved once per run and remembered; past this many the memory is cleared. */
  resolutionCacheLimit: 50_000,
  /**
   * New association values the records phase collects before it starts looking them up: a
   * multiple of search's 500 values a query and batch read's 100, so look-ups go out full.
   */
  prefetchValues: 2_000,
  /** Concrete examples per kind of change a plan keeps for people reading a dry run. */
  planSamplesPerKind: 5,
} as const;
