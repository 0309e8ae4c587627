import type { Clock } from "../core/clock.ts";
import type { ClientStats } from "./client-stats.ts";
import type { ReadContext } from "./read-context.ts";

/** What every write needs beyond a read's: the clock and dice for back-off, and the counters. */
export interface WriteContext extends ReadContext {
  clock: Clock;
  random: () => number;
  stats: ClientStats;
}
