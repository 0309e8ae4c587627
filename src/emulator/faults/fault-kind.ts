/**
 * What an injected fault does to a request: answer with one of HubSpot's retryable statuses,
 * never answer (`timeout`), drop the connection before any work (`reset`), or do the work and
 * then drop the connection (`lost-response`: the write happened, the caller cannot know).
 */
export const faultKinds = ["429", "423", "500", "502", "503", "504", "timeout", "reset", "lost-response"] as const;

export type FaultKind = (typeof faultKinds)[number];

export function isFaultKind(value: string): value is FaultKind {
  return (faultKinds as readonly string[]).includes(value);
}

/** A zeroed count per kind, so snapshots always show every kind. */
export function countPerKind(): Record<FaultKind, number> {
  const counts = {} as Record<FaultKind, number>;
  for (const kind of faultKinds) counts[kind] = 0;
  return counts;
}
