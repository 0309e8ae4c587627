/**
 * A fetch that threw rather than answered: Node's `TypeError: fetch failed` (cause
 * ECONNRESET, ECONNREFUSED, ...), an attempt's own deadline, or the caller's abort.
 */
export type FetchFailure = { kind: "aborted" } | { kind: "network"; reason: string };

export function classifyFetchFailure(error: unknown, callerSignal: AbortSignal | undefined): FetchFailure {
  if (callerSignal?.aborted === true) return { kind: "aborted" };
  return { kind: "network", reason: describe(error) };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "the attempt timed out";
  const cause = error.cause;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
  return code === undefined ? error.message : `${error.message} (${code})`;
}
