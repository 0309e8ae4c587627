import type { RunContext } from "./run-context.ts";
import type { StreamState } from "./stream-state.ts";

/** Reports a page read: how many records it had and wrote, and any time spent waiting on rate limits. */
export function pageProgress(ctx: RunContext, stream: string, fetched: number, written: number, fetchedSoFar: number): void {
  const waited = ctx.client.stats().rateLimitWaitedMs;
  if (waited > ctx.rateWaitedMs) {
    ctx.emit({ kind: "rate-limit-wait", stream, ms: waited - ctx.rateWaitedMs });
    ctx.rateWaitedMs = waited;
  }
  ctx.emit({ kind: "page", stream, fetched, written, fetchedSoFar });
}

/** Counts a page's records as read by the stream and reports it. */
export function streamPageRead(ctx: RunContext, state: StreamState, fetched: number, writtenBefore: number): void {
  state.counter.fetched += fetched;
  state.fetchedSoFar += fetched;
  pageProgress(ctx, state.prepared.plan.name, fetched, state.counter.written - writtenBefore, state.fetchedSoFar);
}
