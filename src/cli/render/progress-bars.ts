import cliProgress, { type GenericFormatter, type SingleBar } from "cli-progress";

// cli-progress is CommonJS: Node exposes only its module.exports object to ESM.
const { Format, MultiBar, Presets } = cliProgress;
import { formatCount } from "./format-values.ts";
import type { ProgressView } from "./progress-view.ts";

interface BarPayload {
  stream: string;
  known: boolean;
  pages: number;
  waits: number;
  /** Overrides the ETA: a wait, or the stream's result. */
  status: string;
}

interface StreamBar {
  bar: SingleBar;
  payload: BarPayload;
}

/** `contacts  ████████░░░░  63% | 6,300/10,000 records | 63 pages | 0 waits | ETA 12s`. */
const formatLine: GenericFormatter = (options, params, payload: BarPayload) => {
  const parts = [payload.stream];
  if (payload.known) {
    parts.push(`${Format.BarFormat(params.progress, options)} ${String(Math.floor(params.progress * 100)).padStart(3)}%`);
    parts.push(`${formatCount(params.value)}/${formatCount(params.total)} records`);
  } else {
    parts.push(`${formatCount(params.value)} records`);
  }
  parts.push(`${formatCount(payload.pages)} page${payload.pages === 1 ? "" : "s"}`, `${payload.waits} rate-limit wait${payload.waits === 1 ? "" : "s"}`);
  parts.push(payload.status !== "" ? payload.status : payload.known && params.value > 0 ? `ETA ${Format.TimeFormat(params.eta, options, 5)}` : "reading…");
  return parts.join(" | ").replace(" | ", "  ");
};

/** Progress for a person at a terminal: one live bar per stream, with an ETA when HubSpot gave a total. */
export function progressBars(stream: NodeJS.WriteStream): ProgressView {
  const multibar = new MultiBar({ stream, format: formatLine, hideCursor: true, clearOnComplete: false, stopOnComplete: false, etaBuffer: 20, fps: 10, barsize: 24 }, Presets.shades_classic);
  const bars = new Map<string, StreamBar>();
  let width = 12;
  let stopped = false;
  const update = (state: StreamBar, value?: number): void => {
    if (value === undefined) state.bar.update({ ...state.payload });
    else state.bar.update(value, { ...state.payload });
  };
  return {
    onProgress(event) {
      if (stopped) return;
      switch (event.kind) {
        case "run-started":
          width = Math.max(width, ...event.streams.map((s) => s.length));
          return;
        case "stream-started": {
          const known = event.expectedTotal !== undefined && event.expectedTotal > 0;
          const payload: BarPayload = { stream: event.stream.padEnd(width), known, pages: 0, waits: 0, status: "" };
          bars.set(event.stream, { bar: multibar.create(known ? (event.expectedTotal ?? 0) : 0, 0, payload), payload });
          return;
        }
        case "page": {
          const state = bars.get(event.stream);
          if (state === undefined) return;
          state.payload.pages += 1;
          state.payload.status = "";
          update(state, event.fetchedSoFar);
          return;
        }
        case "rate-limit-wait": {
          const state = bars.get(event.stream);
          if (state === undefined) return;
          state.payload.waits += 1;
          state.payload.status = `waiting ${Math.ceil(event.ms / 1000)} s for the rate limit`;
          update(state);
          return;
        }
        case "stream-finished": {
          const state = bars.get(event.stream);
          if (state === undefined) return;
          const s = event.summary;
          if (state.payload.known) state.bar.setTotal(Math.max(s.fetched, 1));
          state.payload.status = `done: ${formatCount(s.written)} written${s.deleted > 0 ? `, ${formatCount(s.deleted)} deleted` : ""}${s.errors > 0 ? `, ${formatCount(s.errors)} errors` : ""}`;
          update(state, s.fetched);
          return;
        }
        case "run-finished":
          return;
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
