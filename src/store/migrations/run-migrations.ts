import { Migrator, type Kysely } from "kysely";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { Logger } from "../../core/logger.ts";
import type { SqlFlavor } from "../sql-flavor.ts";
import type { StoreSchema } from "../store-schema.ts";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, storeMigrations } from "./store-migrations.ts";

/** Brings the schema up to date; safe to run on every open (already-applied migrations are skipped). */
export async function runMigrations(
  db: Kysely<StoreSchema>,
  flavor: SqlFlavor,
  migrationSchema: string | undefined,
  logger: Logger,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    ...(migrationSchema === undefined ? {} : { migrationTableSchema: migrationSchema }),
    provider: storeMigrations(flavor),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (applied.length > 0) logger.info({ migrations: applied }, "store migrated");
  if (error !== undefined) {
    const failed = results.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    throw new HubsyncError("STORE_FAILED", `Database migration ${failed} failed`, {
      subject: failed,
      fix: "Check that the database user may create tables in the target schema, then run again.",
      cause: error,
    });
  }
  return applied;
}
