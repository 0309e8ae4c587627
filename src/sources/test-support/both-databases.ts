import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { openStore, type Store, type StoreTarget } from "../../store/index.ts";
import { testPostgresUrl } from "../../store/test-support/both-stores.ts";

export interface DatabaseUnderTest {
  target: StoreTarget;
  /** Runs statements as the user's own tools would: on a connection of their own. */
  execute(...statements: string[]): Promise<void>;
  /** A hubsync store on the same database (closed when the test ends). */
  openStore(): Promise<Store>;
}

/**
 * Registers `name` twice — on a temp SQLite file in WAL mode (as the store leaves it) and in a
 * fresh PostgreSQL schema — and removes the file or drops the schema however the body ends.
 * Lighter than the store's bothStores: no store is opened unless the test asks for one.
 */
export function bothDatabases(name: string, body: (db: DatabaseUnderTest) => Promise<void>): void {
  test(`${name} [sqlite]`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "hubsync-source-"));
    const path = join(dir, "store.db");
    const setup = new Database(path);
    setup.pragma("journal_mode = WAL");
    setup.close();
    const stores: Store[] = [];
    try {
      await body({
        target: { kind: "sqlite", path },
        execute: (...statements) => {
          const database = new Database(path);
          try {
            for (const statement of statements) database.exec(statement);
          } finally {
            database.close();
          }
          return Promise.resolve();
        },
        openStore: async () => {
          const store = await openStore({ kind: "sqlite", path });
          stores.push(store);
          return store;
        },
      });
    } finally {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${name} [postgres]`, async () => {
    const schema = `hs_source_${randomBytes(6).toString("hex")}`;
    const target: StoreTarget = { kind: "postgres", url: testPostgresUrl, schema };
    const client = new pg.Client({ connectionString: testPostgresUrl, options: `-c search_path=${schema}` });
    await client.connect();
    const stores: Store[] = [];
    try {
      await client.query(`create schema "${schema}"`);
      await body({
        target,
        execute: async (...statements) => {
          for (const statement of statements) await client.query(statement);
        },
        openStore: async () => {
          const store = await openStore(target);
          stores.push(store);
          return store;
        },
      });
    } finally {
      for (const store of stores) await store.close();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });
}
