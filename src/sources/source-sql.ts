/** A table or query source: the two kinds read from the store's database. */
export type SqlSource = { kind: "table"; table: string } | { kind: "query"; query: string };

/** `"name"`, with embedded quotes doubled: the same on SQLite and PostgreSQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every column of the source. A query is wrapped as a subquery so hubsync can order it by the
 * key; the newlines keep a trailing `-- comment` in the query from swallowing the parenthesis,
 * and a trailing `;` (natural to write, fatal inside a subquery) is dropped. A table name is
 * quoted, so it is matched exactly as written (`schema.table` names a table in a schema).
 */
export function sourceSelect(source: SqlSource): string {
  if (source.kind === "table") return `select * from ${source.table.split(".").map(quoteIdentifier).join(".")}`;
  return `select * from (\n${source.query.replace(/[\s;]+$/, "")}\n) as hubsync_source`;
}

/**
 * The rows in key order: rows with the same key then arrive together, so duplicates are found
 * without remembering every key, and a re-run reads rows in the same order.
 */
export function orderedByKey(select: string, key: string): string {
  return `${select} order by ${quoteIdentifier(key)}`;
}

/** What the messages call the source: `query` or `table "contacts_export"`. */
export function describeSqlSource(source: SqlSource): string {
  return source.kind === "table" ? `table ${JSON.stringify(source.table)}` : "query";
}
