import type { RetryLimits } from "./hubspot-limits.ts";

/**
 * Back-off before retry number `retry` (1 for the first): exponential, capped, with "equal
 * jitter" (half fixed, half random) so clients that failed together do not return together.
 */
export function backoffDelay(retry: number, limits: RetryLimits, random: () => number): number {
  const ceiling = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` in ms: delta-seconds or an HTTP date (relative to `now`); undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const raw = headers.get("retry-after")?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
