import { randomUUID } from "node:crypto";
import { systemClock, type Clock } from "../core/clock.ts";
import { silentLogger, type Logger } from "../core/logger.ts";

/** What openStore may be given besides the target; every side effect is injected here. */
export interface StoreOptions {
  logger?: Logger;
  clock?: Clock;
  /** New sync-run ids. */
  newId?: () => string;
  /** Override the driver's bind-parameter limit per statement (tests shrink it to hit chunking cheaply). */
  maxParameters?: number;
  /** SQLite: how long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool. */
  poolSize?: number;
  /**
   * Most typed property columns one object table gets; further properties live in
   * properties_json only. PostgreSQL stops at 1,600 columns per table (dropped ones included).
   */
  maxTypedColumns?: number;
  /**
   * Worst-case bytes a row's typed columns may take (see objects/column-width.ts). Default:
   * PostgreSQL's row budget; no limit on SQLite, whose rows have none.
   */
  maxTypedRowBytes?: number;
  /** Rows fetched per query when streaming a table. */
  streamBatchSize?: number;
}

export interface ResolvedStoreOptions {
  logger: Logger;
  clock: Clock;
  newId: () => string;
  maxParameters: number | undefined;
  busyTimeoutMs: number;
  poolSize: number;
  maxTypedColumns: number;
  maxTypedRowBytes: number | undefined;
  streamBatchSize: number;
}

export function resolveStoreOptions(options: StoreOptions): ResolvedStoreOptions {
  return {
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomUUID,
    maxParameters: options.maxParameters,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    poolSize: options.poolSize ?? 10,
    maxTypedColumns: options.maxTypedColumns ?? 1_500,
    maxTypedRowBytes: options.maxTypedRowBytes,
    streamBatchSize: options.streamBatchSize ?? 500,
  };
}
