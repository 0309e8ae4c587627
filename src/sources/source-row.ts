/** One row of an outbound sync's source. */
export interface SourceRow {
  /** The row's stable identity: the key column's value as text, never empty. */
  key: string;
  /** Column → value as the source gives it (CSV: text or null; SQL: the driver's values; JSONL: JSON values). */
  values: Record<string, unknown>;
  /** Files only: the line the row starts on (1-based, the CSV header is line 1). */
  line?: number;
}
