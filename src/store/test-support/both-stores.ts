import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import pg from "pg";
import { openStore } from "../open-store.ts";
import type { StoreKind } from "../sql-flavor.ts";
import type { Store } from "../store.ts";
import type { StoreOptions } from "../store-options.ts";
import type { StoreTarget } from "../store-target.ts";
import { manualClock, type ManualClock } from "./manual-clock.ts";

/** The PostgreSQL every test run uses (trust auth); override with HUBSYNC_TEST_PG_URL. */
export const testPostgresUrl = process.env["HUBSYNC_TEST_PG_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** One store under test, on a fresh database of its own. */
export interface StoreUnderTest {
  kind: StoreKind;
  store: Store;
  clock: ManualClock;
  target: StoreTarget;
  /** Another store on the same database (a second process, as far as the database can tell). */
  open(options?: StoreOptions): Promise<Store>;
}

type Body = (s: StoreUnderTest, t: TestContext) => Promise<void>;

/**
 * Registers `name` twice — once on a temp SQLite file, once in a fresh PostgreSQL schema —
 * and cleans up (closes every store it opened, deletes the file, drops the schema) however the
 * body ends.
 */
export function bothStores(name: string, body: Body, options: StoreOptions = {}): void {
  for (const kind of ["sqlite", "postgres"] as const) {
    test(`${name} [${kind}]`, async (t) => {
      const fixture = kind === "sqlite" ? sqliteFixture() : postgresFixture();
      const opened: Store[] = [];
      const clock = manualClock();
      const open = async (extra: StoreOptions = {}): Promise<Store> => {
        const store = await openStore(fixture.target, { clock, ...options, ...extra });
        opened.push(store);
        return store;
      };
      try {
        const store = await open();
        await body({ kind, store, clock, target: fixture.target, open }, t);
      } finally {
        for (const store of opened) await store.close();
        await fixture.cleanup();
      }
    });
  }
}

interface Fixture {
  target: StoreTarget;
  cleanup(): Promise<void>;
}

function sqliteFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), "hubsync-store-"));
  return {
    target: { kind: "sqlite", path: join(dir, "test.db") },
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgresFixture(): Fixture {
  const schema = `hs_test_${randomBytes(6).toString("hex")}`;
  return {
    target: { kind: "postgres", url: testPostgresUrl, schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
