import type { Clock } from "../../core/clock.ts";
import type { Emulator } from "../../emulator/index.ts";

interface Sleeper {
  at: number;
  resolve: () => void;
}

/**
 * Test-only: a client clock that is the emulator's (frozen) clock. A sleep moves emulator time
 * forward instead of waiting, so rate windows, back-offs and token expiry pass in
 * milliseconds of real time. Sleepers wake in time order, one event-loop turn apart, so work
 * that is not asleep gets to run before time jumps again.
 */
export function emulatorClock(emulator: Emulator): Clock {
  const control = emulator.control.clock;
  control.freeze(true);
  const sleepers: Sleeper[] = [];
  let scheduled = false;

  const wakeNext = (): void => {
    scheduled = false;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (next === undefined) return;
    if (control.now() < next.at) control.set(next.at);
    next.resolve();
    while (sleepers[0] !== undefined && sleepers[0].at <= control.now()) sleepers.shift()?.resolve();
    schedule();
  };
  const schedule = (): void => {
    if (scheduled || sleepers.length === 0) return;
    scheduled = true;
    setImmediate(wakeNext);
  };

  return {
    now: () => control.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted === true) return reject(signal.reason);
        const sleeper: Sleeper = { at: control.now() + Math.max(0, ms), resolve };
        signal?.addEventListener("abort", () => {
          const index = sleepers.indexOf(sleeper);
          if (index >= 0) sleepers.splice(index, 1);
          reject(signal.reason);
        }, { once: true });
        sleepers.push(sleeper);
        schedule();
      }),
  };
}
