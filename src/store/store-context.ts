import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock.ts";
import type { Logger } from "../core/logger.ts";
import type { ObjectTable } from "./objects/object-table.ts";
import type { SqlFlavor } from "./sql-flavor.ts";
import type { ResolvedStoreOptions } from "./store-options.ts";
import type { StoreSchema } from "./store-schema.ts";
import type { StoreTarget } from "./store-target.ts";
import type { StoreTx } from "./store-tx.ts";

/** What a driver provides: a Kysely instance and the way it runs a write transaction. */
export interface StoreDriver {
  readonly db: Kysely<StoreSchema>;
  readonly flavor: SqlFlavor;
  /**
   * Where the migrations table lives (PostgreSQL: the connection's schema). Kysely's migrator
   * must be told: otherwise it takes another schema's migrations table for its own.
   */
  readonly migrationSchema: string | undefined;
  /** Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE, so two processes queue instead of failing). */
  transaction<T>(fn: (db: Kysely<StoreSchema>) => Promise<T>): Promise<T>;
  /** Inside a transaction: waits until no other process changes table structure (PostgreSQL advisory lock). */
  lockSchemaChanges(db: Kysely<StoreSchema>): Promise<void>;
  /** Tables and their columns as the database has them now. */
  tableColumns(db: Kysely<StoreSchema>, table: string): Promise<Set<string>>;
  close(): Promise<void>;
}

/** Everything the store's functions share; built once by openStore. */
export interface StoreContext {
  readonly driver: StoreDriver;
  /** What the store was opened on. */
  readonly target: StoreTarget;
  readonly db: Kysely<StoreSchema>;
  readonly flavor: SqlFlavor;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: ResolvedStoreOptions;
  /** Object tables by HubSpot object type, as last read from the registry. */
  readonly objectTables: Map<string, ObjectTable>;
  /** Set while a transaction callback runs, to catch store calls that would wait on it forever. */
  readonly activeTx: AsyncLocalStorage<StoreTx>;
}

/**
 * The connection to run on: the transaction's when given. A store-level call made inside a
 * transaction callback would wait for SQLite's only connection (held by that transaction) or,
 * on PostgreSQL, miss the transaction's uncommitted writes — either way a bug, so it throws.
 */
export function executor(ctx: StoreContext, tx: StoreTx | undefined): Kysely<StoreSchema> {
  if (tx !== undefined) return tx.db;
  if (ctx.activeTx.getStore() !== undefined) {
    throw new Error("store call without its tx inside store.transaction(): pass the tx");
  }
  return ctx.db;
}

/**
 * Runs a write in the caller's transaction, or in one of its own. Own transactions matter on
 * SQLite: an autocommit write would wait on another connection's lock with SQLite's blocking
 * busy handler, freezing the event loop; the driver's transaction waits asynchronously.
 */
export function write<T>(ctx: StoreContext, tx: StoreTx | undefined, fn: (db: Kysely<StoreSchema>) => Promise<T>): Promise<T> {
  if (tx !== undefined) return fn(tx.db);
  executor(ctx, undefined);
  return ctx.driver.transaction(fn);
}
