import pg from "pg";
import { columnsProblem } from "./check-columns.ts";
import type { RawRow } from "./raw-row.ts";
import { causeText, sourceFailed } from "./source-failed.ts";
import { describeSqlSource, orderedByKey, sourceSelect, type SqlSource } from "./source-sql.ts";
import { sourceTypeParser } from "./source-type-parser.ts";

/** Identifiers put into search_path unquoted must be plain (as the store requires). */
const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresSourceTarget {
  url: string;
  /** The schema unqualified names are looked up in (the store's), when not the server's default. */
  schema?: string;
}

/**
 * A table or query of a PostgreSQL database, row by row in key order, through a server-side
 * cursor fetched `fetchSize` rows at a time: a million-row query streams in flat memory. The
 * cursor lives in a read-only REPEATABLE READ transaction on a connection of its own, so the
 * whole run reads one snapshot and a query cannot write.
 */
export async function* readPostgresRows(
  target: PostgresSourceTarget,
  source: SqlSource,
  sync: string,
  key: string,
  fetchSize: number,
): AsyncGenerator<RawRow> {
  if (target.schema !== undefined && !schemaPattern.test(target.schema)) {
    throw sourceFailed(sync, `the PostgreSQL schema name ${JSON.stringify(target.schema)} is not a plain identifier`, { subject: target.schema });
  }
  const client = new pg.Client({
    connectionString: target.url,
    application_name: "hubsync-source",
    ...(target.schema === undefined ? {} : { options: `-c search_path=${target.schema}` }),
    types: { getTypeParser: sourceTypeParser },
  });
  // A connection dropped between fetches is reported by the next query; unhandled, the event would end the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => undefined);
    throw sourceFailed(sync, `cannot connect to PostgreSQL to read the source: ${causeText(cause)}`, {
      fix: "Check that PostgreSQL is running and the store URL's credentials are right.",
      cause,
    });
  }
  const what = describeSqlSource(source);
  const failed = (cause: unknown) =>
    sourceFailed(sync, `the source ${what} failed: ${causeText(cause)}`, {
      fix: source.kind === "query" ? "Run the query in psql against the same database to see the problem." : "Check the table exists in the store's database and schema.",
      cause,
    });
  const run = async (text: string): Promise<pg.QueryResult<Record<string, unknown>>> => {
    try {
      return await client.query<Record<string, unknown>>(text);
    } catch (cause) {
      throw failed(cause);
    }
  };
  try {
    await run("begin isolation level repeatable read read only");
    const probe = await run(`${sourceSelect(source)} limit 0`);
    const problem = columnsProblem(
      sync,
      what,
      probe.fields.map((field) => field.name),
      key,
    );
    if (problem !== undefined) throw problem;
    await run(`declare hubsync_source no scroll cursor for ${orderedByKey(sourceSelect(source), key)}`);
    for (;;) {
      const { rows } = await run(`fetch forward ${fetchSize} from hubsync_source`);
      for (const values of rows) yield { values };
      if (rows.length < fetchSize) return;
    }
  } finally {
    await client.query("rollback").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
