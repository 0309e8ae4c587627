/** Why a row was skipped: the rest of the source is still read. */
export type SourceIssueKind = "malformed_row" | "missing_key" | "duplicate_key";

/** A row the source skipped, reported so the run can record it (audit log) and go on. */
export interface SourceIssue {
  kind: SourceIssueKind;
  /** A sentence that names the row: `line 7: …` for files, `row 7: …` (counted in key order) for SQL. */
  message: string;
  /** Files: the skipped row's line. */
  line?: number;
  /** Duplicate keys in files: the line where the key was first seen (that row is kept). */
  firstLine?: number;
  /** The row's key, when it has one. */
  key?: string;
}

/** Where a source reports the rows it skips. */
export type SourceIssueSink = (issue: SourceIssue) => void;
