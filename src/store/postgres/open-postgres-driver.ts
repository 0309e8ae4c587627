import { Kysely, sql } from "kysely";
import pg from "pg";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { StoreDriver } from "../store-context.ts";
import type { ResolvedStoreOptions } from "../store-options.ts";
import type { StoreSchema } from "../store-schema.ts";
import { CurrentSchemaDialect } from "./current-schema-dialect.ts";
import { postgresFlavor } from "./postgres-flavor.ts";
import { redactUrl } from "./redact-url.ts";

const DATE_OID = 1082;

/** Identifiers we put into search_path unquoted by the server must be plain. */
const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL database through a pg pool; `schema` (created when missing) becomes every connection's search_path. */
export async function openPostgresDriver(
  url: string,
  schema: string | undefined,
  options: ResolvedStoreOptions,
): Promise<StoreDriver> {
  if (schema !== undefined && !schemaPattern.test(schema)) {
    throw new HubsyncError("CONFIG_INVALID", `PostgreSQL schema name "${schema}" is not a plain identifier`, {
      subject: schema,
      fix: "Use lower-case letters, digits and underscores, starting with a letter.",
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    types: {
      // A date column stays 'YYYY-MM-DD' text: pg's default turns it into a Date at local midnight.
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on("error", (error) => options.logger.warn({ err: error }, "postgres pool client error"));
  const db = new Kysely<StoreSchema>({ dialect: new CurrentSchemaDialect({ pool }) });
  let currentSchema: string | undefined;
  try {
    if (schema !== undefined) await createSchema(db, schema);
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    currentSchema = rows[0]?.schema ?? undefined;
  } catch (cause) {
    await db.destroy();
    throw new HubsyncError("STORE_FAILED", `Cannot connect to PostgreSQL at ${redactUrl(url)}`, {
      subject: redactUrl(url),
      fix: "Check that PostgreSQL is running, the URL is right and the user may create tables.",
      cause,
    });
  }
  return {
    db,
    flavor: postgresFlavor(options.maxParameters),
    migrationSchema: currentSchema,
    transaction: (fn) => db.transaction().execute(fn),
    lockSchemaChanges: async (conn) => {
      // Transaction-scoped, so it is released by commit or rollback whatever happens; keyed by
      // schema so that stores in different schemas do not wait on each other.
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':hubsync-ddl'))`.execute(conn);
    },
    tableColumns: async (conn, table) => {
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`.execute(conn);
      return new Set(rows.map((r) => r.column_name));
    },
    close: () => db.destroy(),
  };
}

async function createSchema(db: Kysely<StoreSchema>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the same schema at once: one of them loses with unique_violation.
    if (!(error instanceof Error && "code" in error && error.code === "23505")) throw error;
  }
}
