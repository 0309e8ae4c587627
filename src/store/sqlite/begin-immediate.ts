import { setTimeout as wait } from "node:timers/promises";
import type Database from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import type { StoreSchema } from "../store-schema.ts";

/**
 * BEGIN IMMEDIATE, waiting asynchronously while another connection holds the write lock.
 * SQLite's own busy timeout blocks the thread: with two stores in one process the holder could
 * then never finish (its next step needs the event loop), and a server would freeze meanwhile.
 * Real time, not the injected clock: this waits on another connection, not on the sync's logic.
 */
export async function beginImmediate(conn: Kysely<StoreSchema>, database: Database.Database, timeoutMs: number): Promise<void> {
  const started = performance.now();
  let delayMs = 1;
  database.pragma("busy_timeout = 0");
  try {
    for (;;) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (error) {
        if (!isBusy(error) || performance.now() - started >= timeoutMs) throw error;
      }
      await wait(delayMs);
      delayMs = Math.min(delayMs * 2, 50);
    }
  } finally {
    database.pragma(`busy_timeout = ${timeoutMs}`);
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}
