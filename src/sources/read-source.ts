import type { OutboundSourceConfig } from "../config/index.ts";
import { inPages } from "./in-pages.ts";
import { keyRows } from "./key-rows.ts";
import type { RawRow } from "./raw-row.ts";
import { readCsvRows } from "./read-csv-rows.ts";
import { readJsonlRows } from "./read-jsonl-rows.ts";
import { readPostgresRows } from "./read-postgres-rows.ts";
import { readSqliteRows } from "./read-sqlite-rows.ts";
import { pageSizeOf, type ReadSourceOptions } from "./read-source-options.ts";
import type { SourceRow } from "./source-row.ts";

/**
 * An outbound sync's rows, a page at a time: a table or query of the store's database (in key
 * order), or a CSV or JSONL file (in file order). Rows without a key, with a key seen before,
 * or that cannot be parsed are skipped and told to `onIssue`; a source that cannot be read at
 * all throws SOURCE_FAILED from the iteration. Nothing is opened until the first page is
 * asked for, and stopping early closes what was opened.
 */
export function readSource(source: OutboundSourceConfig, options: ReadSourceOptions): AsyncIterable<SourceRow[]> {
  const size = pageSizeOf(options);
  const { sync, key, onIssue } = options;
  let rows: AsyncIterable<RawRow>;
  switch (source.kind) {
    case "table":
    case "query": {
      const database = options.database;
      if (database === undefined) throw new Error(`readSource: a ${source.kind} source needs options.database`);
      rows =
        database.kind === "sqlite"
          ? readSqliteRows(database.path, source, sync, key)
          : readPostgresRows(database.schema === undefined ? { url: database.url } : { url: database.url, schema: database.schema }, source, sync, key, size);
      return inPages(keyRows(rows, key, "sorted", onIssue), size);
    }
    case "csv":
      rows = readCsvRows(source.path, source.delimiter, sync, key, onIssue);
      break;
    case "jsonl":
      rows = readJsonlRows(source.path, sync, onIssue);
      break;
    default: {
      const _exhaustive: never = source;
      return _exhaustive;
    }
  }
  return inPages(keyRows(rows, key, "remembered", onIssue), size);
}
