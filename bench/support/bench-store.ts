/**
 * Stores the inbound benchmarks write into: a SQLite file in a temp folder, or a fresh schema
 * in the test PostgreSQL; each removed again by `dispose()`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store, type StoreKind } from "../../src/store/index.ts";

/** The PostgreSQL the tests use (trust auth); override with HUBSYNC_TEST_PG_URL. */
export const benchPostgresUrl = process.env["HUBSYNC_TEST_PG_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchStore {
  kind: StoreKind;
  store: Store;
  /** The SQLite file, when it is one. */
  path?: string;
  /** Bytes on disk (SQLite: the file and its WAL), for the record. */
  sizeBytes(): number;
  /** Closes the store and deletes its file or drops its schema. */
  dispose(): Promise<void>;
}

export function sqlitePath(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "hubsync-bench-"));
  return { dir, path: join(dir, "mirror.db") };
}

export async function openBenchStore(kind: StoreKind): Promise<BenchStore> {
  if (kind === "sqlite") {
    const { dir, path } = sqlitePath();
    const store = await openStore({ kind: "sqlite", path });
    const size = (file: string): number => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    return {
      kind,
      store,
      path,
      sizeBytes: () => size(path) + size(`${path}-wal`),
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `hs_bench_${randomBytes(6).toString("hex")}`;
  const store = await openStore({ kind: "postgres", url: benchPostgresUrl, schema });
  return {
    kind,
    store,
    sizeBytes: () => 0,
    dispose: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: benchPostgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
