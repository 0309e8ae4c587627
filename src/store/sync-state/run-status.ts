/** A sync run's lifecycle. */
export const runStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Where each status may go next; the last three are final. */
export const runTransitions: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ["running", "cancelled"],
  running: ["succeeded", "failed", "cancelled"],
  succeeded: [],
  failed: [],
  cancelled: [],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return runTransitions[from].includes(to);
}

/** The statuses from which `to` may be reached. */
export function statusesLeadingTo(to: RunStatus): RunStatus[] {
  return runStatuses.filter((from) => canTransition(from, to));
}

export function isFinal(status: RunStatus): boolean {
  return runTransitions[status].length === 0;
}

export function isRunStatus(value: string): value is RunStatus {
  return (runStatuses as readonly string[]).includes(value);
}
