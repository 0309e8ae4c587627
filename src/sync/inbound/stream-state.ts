import type { CursorKey } from "../../store/index.ts";
import type { StreamAudit } from "./stream-audit.ts";
import type { StreamCounter } from "./stream-counter.ts";
import type { StreamCursor } from "./stream-cursor.ts";
import type { PreparedObjectStream } from "./prepare-object-stream.ts";

/** One object stream during a run: what it reads, its cursor as last committed, its counts and audit. */
export interface StreamState {
  prepared: PreparedObjectStream;
  key: CursorKey;
  /** The cursor row's version as last committed (0: none yet): the next write must name it. */
  version: number;
  cursor: StreamCursor;
  counter: StreamCounter;
  audit: StreamAudit;
  /** Records read so far in this run (for progress events). */
  fetchedSoFar: number;
}
