import type { StoreTarget } from "../store/index.ts";
import type { SourceIssueSink } from "./source-issue.ts";

/** How a source is read. */
export interface ReadSourceOptions {
  /** The outbound sync's name: every error names it. */
  sync: string;
  /** The column whose value identifies a row. */
  key: string;
  /** The store's database: where `table` and `query` sources are read. */
  database?: StoreTarget;
  /** Rows per page (default 500). Only one page is held at a time. */
  pageSize?: number;
  /** Told about every row skipped (malformed, without a key, with a key seen before). */
  onIssue: SourceIssueSink;
}

export const defaultSourcePageSize = 500;

export function pageSizeOf(options: ReadSourceOptions): number {
  return Math.max(1, Math.trunc(options.pageSize ?? defaultSourcePageSize));
}
