/**
 * The emulator's notion of now. Real time plus an offset the control plane can advance,
 * so token expiry, rate windows and index lag can be crossed without sleeping.
 */
export class EmulatorClock {
  #offsetMs = 0;
  #frozenAt: number | undefined;
  readonly #realNow: () => number;

  constructor(realNow: () => number = Date.now) {
    this.#realNow = realNow;
  }

  now(): number {
    return (this.#frozenAt ?? this.#realNow()) + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  /** Stop time at its current value (only `advance` moves it), or resume real time. */
  freeze(frozen: boolean): void {
    if (frozen && this.#frozenAt === undefined) this.#frozenAt = this.#realNow();
    if (!frozen && this.#frozenAt !== undefined) {
      this.#offsetMs -= this.#realNow() - this.#frozenAt;
      this.#frozenAt = undefined;
    }
  }

  get frozen(): boolean {
    return this.#frozenAt !== undefined;
  }

  set(epochMs: number): void {
    this.#offsetMs = epochMs - (this.#frozenAt ?? this.#realNow());
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }
}
