import type { InboundProgress } from "../../sync/index.ts";
import type { OutboundProgress } from "../../sync/index.ts";

/** Shows a run's progress as it happens; `stop` leaves the terminal clean for what follows. */
export interface ProgressView {
  onProgress(event: InboundProgress): void;
  stop(): void;
}

/** The same for an outbound run. */
export interface OutboundProgressView {
  onProgress(event: OutboundProgress): void;
  stop(): void;
}

/** Shows nothing (for --json, where stdout carries the result and stderr stays quiet). */
export const silentProgress: ProgressView & OutboundProgressView = { onProgress: () => undefined, stop: () => undefined };
