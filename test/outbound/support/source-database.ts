import Database from "better-sqlite3";
import pg from "pg";
import type { StoreTarget } from "../../../src/store/index.ts";

// The user's own tables, in the store's database: what an outbound sync with a `table` or
// `query` source reads. Written as the user's tools would write them — on a connection of
// their own, not through hubsync's store.

export type ColumnValue = string | number | boolean | null | object;

/** A table of source rows in the store's database (SQLite file or the test's PostgreSQL schema). */
export interface SourceDatabase {
  /** This database as hubsync.yaml's `store:` names it (the engine reads sources from its store's own target). */
  readonly storeUrl: string;
  /** Runs statements as written (DDL, updates, deletes). */
  exec(...statements: string[]): Promise<void>;
  /** Creates `table` with `columns` (name → SQL type valid on both drivers) and inserts `rows`. */
  createTable(table: string, columns: Record<string, string>, rows?: ReadonlyArray<Record<string, ColumnValue>>): Promise<void>;
  /** Inserts rows (objects and lists are stored as JSON text). */
  insert(table: string, rows: ReadonlyArray<Record<string, ColumnValue>>): Promise<void>;
  /** Runs a query and returns its rows (for checks). */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const bindable = (value: ColumnValue, sqlite: boolean): unknown => {
  if (value === null || typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return sqlite ? (value ? 1 : 0) : value;
  return JSON.stringify(value);
};

/** The source database beside a test store: its file, or its PostgreSQL schema. */
export async function openSourceDatabase(target: StoreTarget): Promise<SourceDatabase> {
  if (target.kind === "sqlite") return sqliteSource(target.path);
  return postgresSource(target.url, target.schema);
}

function insertSql(table: string, columns: readonly string[], count: number, placeholder: (n: number) => string): string {
  let n = 0;
  const tuples: string[] = [];
  for (let i = 0; i < count; i++) tuples.push(`(${columns.map(() => placeholder(++n)).join(", ")})`);
  return `insert into ${quote(table)} (${columns.map(quote).join(", ")}) values ${tuples.join(", ")}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function columnsOf(rows: ReadonlyArray<Record<string, ColumnValue>>): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names];
}

function sqliteSource(path: string): SourceDatabase {
  const db = new Database(path);
  db.pragma("busy_timeout = 5000");
  const insert = (table: string, rows: ReadonlyArray<Record<string, ColumnValue>>): Promise<void> => {
    if (rows.length === 0) return Promise.resolve();
    const columns = columnsOf(rows);
    const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
    db.transaction(() => {
      for (const chunk of chunks(rows, perChunk)) {
        const values = chunk.flatMap((row) => columns.map((c) => bindable(row[c] ?? null, true)));
        db.prepare(insertSql(table, columns, chunk.length, () => "?")).run(...values);
      }
    })();
    return Promise.resolve();
  };
  return {
    storeUrl: `sqlite:${path}`,
    exec: (...statements) => {
      for (const statement of statements) db.exec(statement);
      return Promise.resolve();
    },
    async createTable(table, columns, rows = []) {
      db.exec(`create table ${quote(table)} (${Object.entries(columns).map(([name, type]) => `${quote(name)} ${type}`).join(", ")})`);
      await insert(table, rows);
    },
    insert,
    query: (sql) => Promise.resolve(db.prepare(sql).all() as Array<Record<string, unknown>>),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresSource(url: string, schema: string | undefined): Promise<SourceDatabase> {
  const client = new pg.Client({ connectionString: url, ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }) });
  await client.connect();
  const insert = async (table: string, rows: ReadonlyArray<Record<string, ColumnValue>>): Promise<void> => {
    if (rows.length === 0) return;
    const columns = columnsOf(rows);
    const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
    for (const chunk of chunks(rows, perChunk)) {
      const values = chunk.flatMap((row) => columns.map((c) => bindable(row[c] ?? null, false)));
      await client.query(insertSql(table, columns, chunk.length, (n) => `$${n}`), values);
    }
  };
  const storeUrl = new URL(url);
  if (schema !== undefined) storeUrl.searchParams.set("options", `-c search_path=${schema}`);
  return {
    storeUrl: storeUrl.toString(),
    async exec(...statements) {
      for (const statement of statements) await client.query(statement);
    },
    async createTable(table, columns, rows = []) {
      await client.query(`create table ${quote(table)} (${Object.entries(columns).map(([name, type]) => `${quote(name)} ${type}`).join(", ")})`);
      await insert(table, rows);
    },
    insert,
    query: async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>,
    close: () => client.end(),
  };
}
