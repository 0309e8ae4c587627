import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { StoreDriver } from "../store-context.ts";
import type { ResolvedStoreOptions } from "../store-options.ts";
import type { StoreSchema } from "../store-schema.ts";
import { beginImmediate } from "./begin-immediate.ts";
import { sqliteFlavor } from "./sqlite-flavor.ts";

/** A SQLite file (or ":memory:") through better-sqlite3: WAL, foreign keys on, a busy timeout. */
export function openSqliteDriver(path: string, options: ResolvedStoreOptions): StoreDriver {
  const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs));
  let database: Database.Database;
  try {
    database = new Database(path);
    // WAL lets readers (the dashboard, a user's queries) run while a sync writes;
    // synchronous=NORMAL is durable under WAL except for the last commits on power loss.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  } catch (cause) {
    throw new HubsyncError("STORE_FAILED", `Cannot open SQLite database ${path}`, {
      subject: path,
      fix: "Check that the directory exists and is writable.",
      cause,
    });
  }
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    flavor: sqliteFlavor(options.maxParameters),
    migrationSchema: undefined,
    transaction: (fn) =>
      db.connection().execute(async (conn) => {
        // IMMEDIATE takes the write lock up front: a second writer then waits for it instead of
        // failing later, when a read lock cannot be upgraded.
        await beginImmediate(conn, database, busyTimeoutMs);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (database.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    lockSchemaChanges: () => Promise.resolve(),
    tableColumns: async (conn, table) => {
      const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(conn);
      return new Set(rows.map((r) => r.name));
    },
    close: () => db.destroy(),
  };
}
