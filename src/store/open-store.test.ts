import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { HubsyncError } from "../core/hubsync-error.ts";
import { openStore } from "./open-store.ts";
import { bothStores, testPostgresUrl } from "./test-support/both-stores.ts";
import { contact, contactProperties, portal, run1 } from "./test-support/record-builders.ts";

bothStores("opening twice runs the migrations once and keeps the data", async ({ store, open }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(1)], run1));
  await store.close();

  const again = await open();
  const third = await open();
  assert.equal(await third.countRows(portal, "contacts"), 1);
  assert.equal((await again.getRecord(portal, "contacts", "1"))?.properties["email"], "c1@example.com");
  const applied = await third.transaction(async (tx) => {
    const { rows } = await sql<{ name: string }>`select name from hubsync_migrations order by name`.execute(tx.db);
    return rows.map((r) => r.name);
  });
  assert.deepEqual(applied, ["0001_core_tables", "0002_outbound_state", "0003_oauth_tokens"]);
});

bothStores("a store call without its tx inside a transaction throws instead of deadlocking", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await assert.rejects(
    store.transaction(async () => {
      await store.countRows(portal, "contacts");
    }),
    /pass the tx/,
  );
  await assert.rejects(store.transaction(() => store.transaction(() => Promise.resolve())), /cannot be nested/);
  // The store is still usable afterwards (the failed transactions released their connection).
  assert.equal(await store.countRows(portal, "contacts"), 0);
});

test("SQLite opens in WAL mode with foreign keys on and a busy timeout", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "hubsync-pragma-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "p.db");
  const store = await openStore({ kind: "sqlite", path }, { busyTimeoutMs: 1234 });
  await store.close();
  const raw = new Database(path);
  try {
    // WAL is a property of the file; foreign_keys and busy_timeout are per connection (below).
    assert.equal(raw.pragma("journal_mode", { simple: true }), "wal");
  } finally {
    raw.close();
  }
  const reopened = await openStore({ kind: "sqlite", path }, { busyTimeoutMs: 1234 });
  try {
    const pragmas = await reopened.transaction(async (tx) => {
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(tx.db);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(tx.db);
      return { fk: fk.rows[0]?.foreign_keys, busy: busy.rows[0]?.timeout };
    });
    assert.deepEqual(pragmas, { fk: 1, busy: 1234 });
  } finally {
    await reopened.close();
  }
});

test("an unreachable PostgreSQL is a STORE_FAILED error with the password redacted", async () => {
  const url = testPostgresUrl.replace(/:\d+\//, ":1/").replace("postgres://postgres@", "postgres://postgres:secret@");
  await assert.rejects(openStore({ kind: "postgres", url, schema: "nowhere" }), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "STORE_FAILED");
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
});

test("a schema name that is not a plain identifier is refused before connecting", async () => {
  await assert.rejects(openStore({ kind: "postgres", url: testPostgresUrl, schema: 'x"; drop' }), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "CONFIG_INVALID");
    return true;
  });
});

test("stores in two PostgreSQL schemas of one database migrate side by side and see only their own rows", async (t) => {
  const schemas = [`hs_test_iso_a_${process.pid}`, `hs_test_iso_b_${process.pid}`];
  const cleanup = new pg.Client({ connectionString: testPostgresUrl });
  await cleanup.connect();
  t.after(async () => {
    for (const schema of schemas) await cleanup.query(`drop schema if exists "${schema}" cascade`);
    await cleanup.end();
  });
  const [a, b] = await Promise.all(schemas.map((schema) => openStore({ kind: "postgres", url: testPostgresUrl, schema })));
  assert.ok(a !== undefined && b !== undefined);
  try {
    await a.ensureObjectTable("contacts", contactProperties);
    await a.transaction((tx) => a.upsertRecords(tx, portal, "contacts", [contact(1)], run1));
    assert.equal(await a.countRows(portal, "contacts"), 1);
    assert.equal(await b.countRows(portal, "contacts"), 0);
    assert.equal(await b.objectTable("contacts"), undefined);
    const { rows } = await cleanup.query<{ table_schema: string }>(
      "select table_schema from information_schema.tables where table_name = 'hubsync_migrations' and table_schema = any($1) order by 1",
      [schemas],
    );
    assert.deepEqual(rows.map((r) => r.table_schema), [...schemas].sort());
  } finally {
    await a.close();
    await b.close();
  }
});
