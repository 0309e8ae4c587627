/** A row as a reader produced it, before its key is checked. */
export interface RawRow {
  values: Record<string, unknown>;
  /** Files: the line the row starts on. */
  line?: number;
}
