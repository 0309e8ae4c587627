/** What a request is for; benchmarks divide calls of each kind by records synced. */
export const callKinds = [
  "list", "search", "batch-read", "association-read", "metadata", "token-refresh", "token-info",
  // Writes, one kind per thing the benchmark divides by: records, associations, list members, definitions.
  "create", "update", "upsert", "archive", "association-write", "list-write", "metadata-write",
] as const;
export type CallKind = (typeof callKinds)[number];

/** A client's counters since it was created: run history and benchmarks read them. */
export interface HubSpotClientStats {
  /** HTTP requests sent, retries included, by kind. */
  calls: Record<CallKind, number>;
  totalCalls: number;
  /** Attempts repeated after a retryable failure (429s included). */
  retries: number;
  /** Answers with status 429. */
  rateLimited: number;
  /** Times a request waited for a rate budget (the client's own pacing and 429 waits). */
  rateLimitWaits: number;
  rateLimitWaitedMs: number;
  /** Milliseconds spent backing off after 5xx, 423, 477 and network failures. */
  backoffWaitedMs: number;
  /** OAuth access tokens obtained with the refresh token. */
  refreshes: number;
  /** Requests that failed for good (after any retries). */
  failures: number;
  /** The account's remaining daily calls, as last reported (private apps only). */
  dailyRemaining: number | undefined;
  /** Batch writes HubSpot refused as a whole that were split to isolate the bad inputs (pitfall 11). */
  batchSplits: number;
  /** Writes whose answer was lost (no answer, 5xx) and that were looked for before sending again (pitfall 10). */
  writesVerified: number;
}

/** Mutable counters behind `HubSpotClientStats`; one per client, never shared. */
export class ClientStats {
  #stats: HubSpotClientStats = {
    calls: Object.fromEntries(callKinds.map((kind) => [kind, 0])) as Record<CallKind, number>,
    totalCalls: 0,
    retries: 0,
    rateLimited: 0,
    rateLimitWaits: 0,
    rateLimitWaitedMs: 0,
    backoffWaitedMs: 0,
    refreshes: 0,
    failures: 0,
    dailyRemaining: undefined,
    batchSplits: 0,
    writesVerified: 0,
  };

  call(kind: CallKind): void {
    this.#stats.calls[kind] += 1;
    this.#stats.totalCalls += 1;
  }

  retry(): void {
    this.#stats.retries += 1;
  }

  rateLimited(): void {
    this.#stats.rateLimited += 1;
  }

  rateLimitWait(ms: number): void {
    this.#stats.rateLimitWaits += 1;
    this.#stats.rateLimitWaitedMs += ms;
  }

  backoff(ms: number): void {
    this.#stats.backoffWaitedMs += ms;
  }

  refreshed(): void {
    this.#stats.refreshes += 1;
  }

  failed(): void {
    this.#stats.failures += 1;
  }

  dailyRemaining(remaining: number): void {
    this.#stats.dailyRemaining = remaining;
  }

  batchSplit(): void {
    this.#stats.batchSplits += 1;
  }

  writeVerified(): void {
    this.#stats.writesVerified += 1;
  }

  snapshot(): HubSpotClientStats {
    return structuredClone(this.#stats);
  }
}
