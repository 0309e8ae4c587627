import type { OutboundPhase, OutboundProgress } from "../../sync/index.ts";

/** One phase's batches so far. */
export interface PhaseTally {
  phase: OutboundPhase;
  batches: number;
  sent: number;
  succeeded: number;
  failed: number;
  /** Rate-limit waits while this phase was the current one. */
  waits: number;
  waitMs: number;
}

/** What an outbound run's progress events add up to, for the views to draw. */
export interface OutboundTally {
  dryRun: boolean;
  rows: number;
  changed: number;
  invalid: number;
  waits: number;
  waitMs: number;
  /** In the order the phases started; the last is the current one. */
  phases: PhaseTally[];
}

export function emptyTally(): OutboundTally {
  return { dryRun: false, rows: 0, changed: 0, invalid: 0, waits: 0, waitMs: 0, phases: [] };
}

/**
 * Adds one event to the tally. `rows-read` carries the run's totals so far (after each source
 * page); a batch event adds to its phase, which is started when not seen yet.
 */
export function tallyEvent(tally: OutboundTally, event: OutboundProgress): void {
  switch (event.kind) {
    case "run-started":
      tally.dryRun = event.dryRun;
      return;
    case "phase-started":
      phaseOf(tally, event.phase);
      return;
    case "rows-read":
      tally.rows = event.rows;
      tally.changed = event.changed;
      tally.invalid = event.invalid;
      return;
    case "batch": {
      const phase = phaseOf(tally, event.phase);
      phase.batches += 1;
      phase.sent += event.sent;
      phase.succeeded += event.succeeded;
      phase.failed += event.failed;
      return;
    }
    case "rate-limit-wait": {
      tally.waits += 1;
      tally.waitMs += event.ms;
      const current = tally.phases.at(-1);
      if (current !== undefined) {
        current.waits += 1;
        current.waitMs += event.ms;
      }
      return;
    }
    case "run-finished":
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function phaseOf(tally: OutboundTally, phase: OutboundPhase): PhaseTally {
  const found = tally.phases.find((p) => p.phase === phase);
  if (found !== undefined) return found;
  const created: PhaseTally = { phase, batches: 0, sent: 0, succeeded: 0, failed: 0, waits: 0, waitMs: 0 };
  tally.phases.push(created);
  return created;
}

/** What a phase does, as a person reads it. */
export const phaseWords: Readonly<Record<OutboundPhase, string>> = {
  schema: "schema and properties",
  records: "records",
  associations: "associations",
  list: "list membership",
  archive: "archiving",
};

/** `1,000 sent, 990 succeeded, 10 failed in 10 batches`. */
export function phaseCounts(phase: PhaseTally, format: (n: number) => string): string {
  const batches = `${format(phase.batches)} batch${phase.batches === 1 ? "" : "es"}`;
  return `${format(phase.sent)} sent, ${format(phase.succeeded)} succeeded, ${format(phase.failed)} failed in ${batches}`;
}
