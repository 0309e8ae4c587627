import type { Clock } from "../../core/clock.ts";
import type { CliOutput } from "../cli-deps.ts";
import { emptyTally, phaseCounts, tallyEvent, type PhaseTally } from "./outbound-tally.ts";
import { formatCount, formatDuration } from "./format-values.ts";
import type { OutboundProgressView } from "./progress-view.ts";

/** How often a phase's running counts are repeated in a log; its first batch always is. */
const BATCH_LINE_EVERY_MS = 5_000;

/**
 * Outbound progress for logs and pipes (no TTY): a line when the run and each phase start,
 * running counts thinned to one line every few seconds, and each phase's totals when it ends.
 */
export function outboundProgressLines(out: CliOutput, clock: Clock, sync: string): OutboundProgressView {
  const tally = emptyTally();
  let lastBatchLine: number | undefined;
  let lastRowsLine: number | undefined;
  let phaseStarted = clock.now();
  let lastRowsText: string | undefined;
  const rowsText = (): string => `${formatCount(tally.rows)} source row${tally.rows === 1 ? "" : "s"} read: ${formatCount(tally.changed)} changed, ${formatCount(tally.invalid)} invalid`;
  const line = (phase: string | undefined, text: string): void => out.write(`${phase === undefined ? sync : `${sync}/${phase}`}: ${text}\n`);
  const finishPhase = (phase: PhaseTally | undefined): void => {
    if (phase === undefined || phase.batches === 0) return;
    line(phase.phase, `done — ${phaseCounts(phase, formatCount)} in ${formatDuration(clock.now() - phaseStarted)}`);
  };
  return {
    onProgress(event) {
      const current = tally.phases.at(-1);
      tallyEvent(tally, event);
      switch (event.kind) {
        case "run-started":
          line(undefined, `run ${event.runId} started${event.dryRun ? " — dry run: reads the source and HubSpot, writes nothing" : ""}`);
          return;
        case "phase-started":
          if (current?.phase === event.phase) return;
          finishPhase(current);
          phaseStarted = clock.now();
          lastBatchLine = undefined;
          line(event.phase, `started${tally.dryRun ? " (planning only)" : ""}`);
          return;
        case "rows-read": {
          const now = clock.now();
          if (lastRowsLine !== undefined && now - lastRowsLine < BATCH_LINE_EVERY_MS) return;
          lastRowsLine = now;
          lastRowsText = rowsText();
          line(undefined, lastRowsText);
          return;
        }
        case "batch": {
          const now = clock.now();
          if (lastBatchLine !== undefined && now - lastBatchLine < BATCH_LINE_EVERY_MS) return;
          lastBatchLine = now;
          const phase = tally.phases.find((p) => p.phase === event.phase);
          if (phase !== undefined) line(event.phase, phaseCounts(phase, formatCount));
          return;
        }
        case "rate-limit-wait":
          line(current?.phase, `waiting ${formatDuration(event.ms)} for HubSpot's rate limit`);
          return;
        case "run-finished": {
          finishPhase(tally.phases.at(-1));
          const text = rowsText();
          if (text !== lastRowsText) line(undefined, text);
          return;
        }
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    },
    stop: () => undefined,
  };
}
