import type { SeedContext } from "./seed-context.ts";

/** `count` creation times in ascending order, so ids grow with creation time as in HubSpot. */
export function sortedPastTimes(ctx: SeedContext, count: number, maxDaysAgo?: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = ctx.pastTime(maxDaysAgo);
  return times.sort();
}
