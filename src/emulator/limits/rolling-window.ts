/**
 * Timestamps of the calls made within the last `windowMs`. A call leaves the window exactly
 * `windowMs` after it was made, so advancing the clock by the window frees the whole budget.
 */
export class RollingWindow {
  readonly windowMs: number;
  #stamps: number[] = [];
  #head = 0;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** Calls still inside the window at `now`. */
  count(now: number): number {
    this.#prune(now);
    return this.#stamps.length - this.#head;
  }

  add(now: number): void {
    this.#stamps.push(now);
  }

  #prune(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.#head < this.#stamps.length && (this.#stamps[this.#head] ?? Infinity) <= cutoff) this.#head += 1;
    // Compact now and then so a long benchmark with limits off does not grow the array forever.
    if (this.#head > 1024 && this.#head * 2 > this.#stamps.length) {
      this.#stamps = this.#stamps.slice(this.#head);
      this.#head = 0;
    }
  }
}
