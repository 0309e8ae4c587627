import type { Migration, MigrationProvider } from "kysely";
import type { SqlFlavor } from "../sql-flavor.ts";
import { coreTables } from "./0001-core-tables.ts";
import { outboundState } from "./0002-outbound-state.ts";
import { oauthTokens } from "./0003-oauth-tokens.ts";

/** Where Kysely records which migrations ran (and its lock). */
export const MIGRATION_TABLE = "hubsync_migrations";
export const MIGRATION_LOCK_TABLE = "hubsync_migrations_lock";

/**
 * hubsync's migrations, in code so they ship inside the package. Names sort in the order they
 * run; a released migration is never edited — a change is a new one.
 */
export function storeMigrations(flavor: SqlFlavor): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001_core_tables": coreTables(flavor),
    "0002_outbound_state": outboundState(flavor),
    "0003_oauth_tokens": oauthTokens(flavor),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
