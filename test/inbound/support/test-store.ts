import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store, type StoreOptions, type StoreTarget } from "../../../src/store/index.ts";
import { testPostgresUrl } from "../../../src/store/test-support/both-stores.ts";

/** Every scenario runs once per store driver. */
export const drivers = ["sqlite", "postgres"] as const;
export type Driver = (typeof drivers)[number];

/** A store on a database of its own: a temp SQLite file, or a fresh PostgreSQL schema. */
export interface TestStore {
  store: Store;
  target: StoreTarget;
  /** Closes the store and deletes the file / drops the schema. */
  dispose(): Promise<void>;
}

export async function openTestStore(driver: Driver, options: StoreOptions = {}): Promise<TestStore> {
  if (driver === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "hubsync-inbound-"));
    const target: StoreTarget = { kind: "sqlite", path: join(dir, "mirror.db") };
    const store = await openStore(target, options);
    return {
      store,
      target,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `hs_inbound_${randomBytes(6).toString("hex")}`;
  const target: StoreTarget = { kind: "postgres", url: testPostgresUrl, schema };
  const dropSchema = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  };
  let store: Store;
  try {
    store = await openStore(target, options);
  } catch (error) {
    await dropSchema();
    throw error;
  }
  return {
    store,
    target,
    dispose: async () => {
      try {
        await store.close();
      } finally {
        await dropSchema();
      }
    },
  };
}
