import Database from "better-sqlite3";
import { columnsProblem } from "./check-columns.ts";
import type { RawRow } from "./raw-row.ts";
import { causeText, sourceFailed } from "./source-failed.ts";
import { describeSqlSource, orderedByKey, sourceSelect, type SqlSource } from "./source-sql.ts";

/**
 * A table or query of a SQLite database, row by row in key order. It opens its own read-only
 * connection: better-sqlite3 marks a connection busy while a statement is being iterated, so
 * sharing the store's would stop the sync from writing between pages. WAL lets this reader
 * and the store's writer run at once; the reader sees one snapshot from start to end.
 */
export async function* readSqliteRows(path: string, source: SqlSource, sync: string, key: string): AsyncGenerator<RawRow> {
  if (path === ":memory:") {
    throw sourceFailed(sync, `an in-memory store (sqlite::memory:) holds no ${source.kind === "table" ? "table" : "data"} of yours to read`, {
      fix: "Point store: at a SQLite file or a PostgreSQL database that holds the source, or read a csv: or jsonl: file.",
    });
  }
  let database: Database.Database;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw sourceFailed(sync, `cannot open the SQLite database ${path}: ${causeText(cause)}`, { subject: path, cause });
  }
  const what = describeSqlSource(source);
  const failed = (cause: unknown) =>
    sourceFailed(sync, `the source ${what} failed: ${causeText(cause)}`, {
      fix: source.kind === "query" ? "Run the query in sqlite3 against the same file to see the problem." : "Check the table exists in the store's database.",
      cause,
    });
  let rows: IterableIterator<Record<string, unknown>> | undefined;
  try {
    let columns: string[];
    let statement: Database.Statement;
    try {
      columns = database.prepare(sourceSelect(source)).columns().map((column) => column.name);
    } catch (cause) {
      throw failed(cause);
    }
    const problem = columnsProblem(sync, what, columns, key);
    if (problem !== undefined) throw problem;
    try {
      statement = database.prepare(orderedByKey(sourceSelect(source), key));
    } catch (cause) {
      throw failed(cause);
    }
    // Integers beyond 2^53 (snowflake ids) must not round: read them as BigInt, then narrow.
    statement.safeIntegers(true);
    rows = statement.iterate() as IterableIterator<Record<string, unknown>>;
    for (;;) {
      let next: IteratorResult<Record<string, unknown>>;
      try {
        next = rows.next();
      } catch (cause) {
        throw failed(cause);
      }
      if (next.done === true) {
        rows = undefined;
        return;
      }
      yield { values: narrowIntegers(next.value) };
    }
  } finally {
    // A consumer that stops early leaves the statement mid-iteration; it must let go first.
    rows?.return?.();
    database.close();
  }
}

function narrowIntegers(row: Record<string, unknown>): Record<string, unknown> {
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === "bigint") {
      row[column] = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    }
  }
  return row;
}
