import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";

// `npm run demo`'s script, end to end with a tiny portal and a temp output path.
const script = resolve(import.meta.dirname, "../../scripts/demo.ts");
const dir = await mkdtemp(join(tmpdir(), "hubsync-demo-"));
after(() => rm(dir, { recursive: true, force: true }));

test("the demo mirrors the emulator into SQLite, prints what it did, and exits 0", async () => {
  const dbPath = join(dir, "demo.db");
  const ran = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [script],
      { cwd: dir, env: { PATH: process.env["PATH"] ?? "", HUBSYNC_DEMO_DB: dbPath, HUBSYNC_DEMO_SIZE: "tiny", HUBSYNC_LOG_LEVEL: "warn" }, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    );
  });
  assert.equal(ran.code, 0, ran.stdout + ran.stderr);
  assert.match(ran.stdout, /24 contacts, 6 companies, 8 deals/);
  assert.match(ran.stdout, /warehouse: run \S+ succeeded/);
  assert.match(ran.stdout, /The mirror in .*demo\.db:\n {2}table\s+rows/);
  assert.match(ran.stdout, /sqlite3 -header -column .*demo\.db "SELECT email/);

  const db = new Database(dbPath, { readonly: true });
  try {
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    assert.equal(count("hs_contacts"), 24);
    assert.equal(count("hs_companies"), 6);
    assert.equal(count("hs_deals"), 8);
    assert.equal(count("hs_tickets"), 4);
    assert.ok(count("hs_owners") >= 2);
    assert.ok(count("hs_associations") > 0);
    assert.ok(count("hs_property_history") > 0);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    assert.ok(tables.some((t) => t.includes("gift")), `a table for the gift custom object among ${tables.join(", ")}`);
    // The sample query printed for the newcomer runs as printed.
    const query = /sqlite3 -header -column \S+ "(SELECT email[^"]+)"/.exec(ran.stdout)?.[1];
    assert.ok(query !== undefined);
    assert.equal(db.prepare(query).all().length, 5);
  } finally {
    db.close();
  }
});
