/**
 * The client's mirror of one of HubSpot's rolling windows: the times of the calls it counts.
 * HubSpot's burst limit is a rolling window, not a refilling bucket: after 190 calls at once
 * no call is allowed until the first of them is 10 s old. A refill-rate bucket would let 19
 * more through a second later and collect 429s, so the budget keeps the stamps themselves.
 */
export class RollingBudget {
  limit: number;
  windowMs: number;
  readonly #slackMs: number;
  /** Ascending: stamps are only ever added at "now". */
  #stamps: number[] = [];

  constructor(limit: number, windowMs: number, slackMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#slackMs = slackMs;
  }

  /** Calls still counted at `now`. */
  count(now: number): number {
    const cutoff = now - this.windowMs - this.#slackMs;
    let expired = 0;
    while (expired < this.#stamps.length && (this.#stamps[expired] ?? Infinity) <= cutoff) expired += 1;
    if (expired > 0) this.#stamps.splice(0, expired);
    return this.#stamps.length;
  }

  /** How long until a call may be made (0: now). */
  waitMs(now: number): number {
    const used = this.count(now);
    if (used < this.limit) return 0;
    // The slot that frees first is the (used - limit + 1)-th oldest: with the limit lowered by
    // a header there can be more stamps than slots.
    const freeing = this.#stamps[used - this.limit] ?? now;
    return Math.max(1, freeing + this.windowMs + this.#slackMs - now);
  }

  take(now: number): void {
    this.#stamps.push(now);
  }

  /** Counts calls we did not make (another process on the same app, as HubSpot reports it). */
  raiseTo(used: number, now: number): void {
    while (this.count(now) < used) this.#stamps.push(now);
  }
}
