import cliProgress, { type GenericFormatter, type SingleBar } from "cli-progress";
import { formatCount, formatDuration } from "./format-values.ts";
import { emptyTally, phaseWords, tallyEvent, type OutboundTally, type PhaseTally } from "./outbound-tally.ts";
import type { OutboundProgressView } from "./progress-view.ts";

// cli-progress is CommonJS: Node exposes only its module.exports object to ESM.
const { MultiBar } = cliProgress;

interface LinePayload {
  label: string;
  text: string;
}

/** Outbound phases have no total known in advance (the source streams): each line is counts, not a bar. */
const formatLine: GenericFormatter = (_options, _params, payload: LinePayload) => `${payload.label}  ${payload.text}`;

const LABEL_WIDTH = Math.max("source".length, ...Object.values(phaseWords).map((words) => words.length));

/**
 * Outbound progress for a person at a terminal: a live line for the source (rows read,
 * changed, invalid) and one per phase (sent, succeeded, failed, batches, rate-limit waits).
 */
export function outboundProgressBars(stream: NodeJS.WriteStream): OutboundProgressView {
  const multibar = new MultiBar({ stream, format: formatLine, hideCursor: true, clearOnComplete: false, stopOnComplete: false, fps: 10 });
  const tally = emptyTally();
  const lines = new Map<string, SingleBar>();
  let stopped = false;
  const show = (key: string, label: string, text: string): void => {
    const payload: LinePayload = { label: label.padEnd(LABEL_WIDTH), text };
    const bar = lines.get(key);
    if (bar === undefined) lines.set(key, multibar.create(0, 0, payload));
    else bar.update(payload);
  };
  const showSource = (): void => show("source", "source", sourceText(tally));
  const showPhase = (phase: PhaseTally, done: boolean): void => show(phase.phase, phaseWords[phase.phase], phaseText(phase, tally.dryRun, done));
  return {
    onProgress(event) {
      if (stopped) return;
      const current = tally.phases.at(-1);
      tallyEvent(tally, event);
      switch (event.kind) {
        case "run-started":
          showSource();
          return;
        case "phase-started": {
          if (current !== undefined && current.phase !== event.phase) showPhase(current, true);
          const phase = tally.phases.find((p) => p.phase === event.phase);
          if (phase !== undefined) showPhase(phase, false);
          return;
        }
        case "rows-read":
          showSource();
          return;
        case "batch":
        case "rate-limit-wait": {
          const phase = tally.phases.at(-1);
          if (phase !== undefined) showPhase(phase, false);
          return;
        }
        case "run-finished": {
          showSource();
          const phase = tally.phases.at(-1);
          if (phase !== undefined) showPhase(phase, true);
          return;
        }
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multibar.stop();
    },
  };
}

function sourceText(tally: OutboundTally): string {
  return `${formatCount(tally.rows)} rows read | ${formatCount(tally.changed)} changed | ${formatCount(tally.invalid)} invalid${tally.dryRun ? " | dry run: nothing is written" : ""}`;
}

function phaseText(phase: PhaseTally, dryRun: boolean, done: boolean): string {
  const waits = `${phase.waits} rate-limit wait${phase.waits === 1 ? "" : "s"}${phase.waitMs > 0 ? ` (${formatDuration(phase.waitMs)})` : ""}`;
  const counts = `${formatCount(phase.sent)} sent | ${formatCount(phase.succeeded)} ok | ${formatCount(phase.failed)} failed | ${formatCount(phase.batches)} batch${phase.batches === 1 ? "" : "es"}`;
  return `${counts} | ${waits} | ${done ? "done" : dryRun ? "planning…" : "writing…"}`;
}
