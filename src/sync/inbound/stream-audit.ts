import type { RunId } from "../../core/ids.ts";
import type { AuditEntryInput, AuditLevel } from "../../store/index.ts";

/** A per-record fact worth a line in the audit log: a problem, or a deletion, merge or filter exit. */
export interface RecordNote {
  level: AuditLevel;
  recordId: string;
  action: string;
  message: string;
  details?: unknown;
}

/**
 * A stream's per-record audit entries, capped per run (a portal with 100,000 bad values must
 * not write 100,000 lines): entries are queued and written with the page they belong to.
 */
export class StreamAudit {
  readonly #runId: RunId;
  readonly #stream: string;
  readonly #limit: number;
  #queued: AuditEntryInput[] = [];
  #written = 0;
  #dropped = 0;

  constructor(runId: RunId, stream: string, limit: number) {
    this.#runId = runId;
    this.#stream = stream;
    this.#limit = limit;
  }

  note(note: RecordNote): void {
    if (this.#written + this.#queued.length >= this.#limit) {
      this.#dropped += 1;
      return;
    }
    const entry: AuditEntryInput = { runId: this.#runId, stream: this.#stream, level: note.level, recordId: note.recordId, action: note.action, message: note.message };
    if (note.details !== undefined) entry.details = note.details;
    this.#queued.push(entry);
  }

  /** The queued entries, to write in the page's transaction; call `committed` once it commits. */
  pending(): AuditEntryInput[] {
    return this.#queued;
  }

  committed(count: number): void {
    this.#written += count;
    this.#queued = this.#queued.slice(count);
  }

  /** Drops entries of a page whose transaction rolled back. */
  discard(): void {
    this.#queued = [];
  }

  /** The stream's closing entry about the notes left out, if any were. */
  overflow(): AuditEntryInput | undefined {
    if (this.#dropped === 0) return undefined;
    return {
      runId: this.#runId,
      stream: this.#stream,
      level: "warn",
      action: "audit_truncated",
      message: `${this.#dropped} more per-record entries of this stream were left out of the audit log (limit ${this.#limit} per stream and run)`,
      details: { dropped: this.#dropped, limit: this.#limit },
    };
  }
}

export type { AuditLevel };
