import { AsyncLocalStorage } from "node:async_hooks";
import { createStore } from "./create-store.ts";
import { runMigrations } from "./migrations/run-migrations.ts";
import { openPostgresDriver } from "./postgres/open-postgres-driver.ts";
import { openSqliteDriver } from "./sqlite/open-sqlite-driver.ts";
import type { Store } from "./store.ts";
import type { StoreContext } from "./store-context.ts";
import { resolveStoreOptions, type StoreOptions } from "./store-options.ts";
import type { StoreTarget } from "./store-target.ts";
import type { StoreTx } from "./store-tx.ts";

/**
 * Opens (creating when needed) a store and brings its schema up to date. Fails with a
 * HubsyncError STORE_FAILED (or CONFIG_INVALID for a bad schema name) the caller can show.
 */
export async function openStore(target: StoreTarget, options: StoreOptions = {}): Promise<Store> {
  const resolved = resolveStoreOptions(options);
  const driver =
    target.kind === "sqlite"
      ? openSqliteDriver(target.path, resolved)
      : await openPostgresDriver(target.url, target.schema, resolved);
  try {
    await runMigrations(driver.db, driver.flavor, driver.migrationSchema, resolved.logger);
  } catch (error) {
    await driver.close();
    throw error;
  }
  const ctx: StoreContext = {
    driver,
    target,
    db: driver.db,
    flavor: driver.flavor,
    clock: resolved.clock,
    logger: resolved.logger,
    options: resolved,
    objectTables: new Map(),
    activeTx: new AsyncLocalStorage<StoreTx>(),
  };
  return createStore(ctx);
}
