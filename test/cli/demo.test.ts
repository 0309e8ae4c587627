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

test("the demo mirrors the emulator into SQLite, pushes the app tables back twice, prints what it did, and exits 0", async () => {
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

  // The outbound half: both examples ran, created and associated, and the second pass sent nothing.
  assert.match(ran.stdout, /Pushing the app's own rows into HubSpot \(outbound\): 5 app_accounts, 12 app_users and 10 gift_transactions/);
  assert.match(ran.stdout, /\naccounts-to-companies: run \S+ succeeded/);
  assert.match(ran.stdout, /\nusers-to-contacts: run \S+ succeeded/);
  assert.match(ran.stdout, /\ngifts: run \S+ succeeded/);
  const did = /What the outbound syncs did:\n(?<table>(?: {2}.*\n)+)/.exec(ran.stdout)?.groups?.["table"] ?? "";
  const row = (sync: string): number[] => (new RegExp(`^ {2}${sync}\\s+(.*)$`, "m").exec(did)?.[1] ?? "").trim().split(/\s+/).map(Number);
  const [accountRows, accountsCreated, accountsUpdated] = row("accounts-to-companies");
  assert.deepEqual([accountRows, (accountsCreated ?? 0) + (accountsUpdated ?? 0)], [5, 5], did);
  assert.ok((accountsUpdated ?? 0) > 0 && (accountsCreated ?? 0) > 0, `some accounts were companies already, some new: ${did}`);
  const [userRows, usersCreated, usersUpdated, userAssociations, listMembers] = row("users-to-contacts");
  assert.deepEqual([userRows, (usersCreated ?? 0) + (usersUpdated ?? 0), listMembers], [12, 12, 12], did);
  assert.ok((usersUpdated ?? 0) > 0 && (userAssociations ?? 0) > 0, did);
  const [giftRows, giftsCreated, , giftAssociations, , orphans] = row("gifts");
  assert.deepEqual([giftRows, giftsCreated], [10, 10], did);
  assert.ok((giftAssociations ?? 0) > 0 && (orphans ?? 0) > 0, `gifts associated, and some orphans: ${did}`);
  for (const sync of ["accounts-to-companies", "users-to-contacts", "gifts"]) {
    assert.match(ran.stdout, new RegExp(`\\n {2}${sync}: 0 changes, 0 write calls`), sync);
  }
  assert.match(ran.stdout, /HubSpot \(the emulator\) received 0 write requests in this second pass\./);
  assert.match(ran.stdout, /ids users-to-contacts/);

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
    assert.equal(count("app_accounts"), 5);
    assert.equal(count("app_users"), 12);
    assert.equal(count("gift_transactions"), 10);
    // What the outbound syncs remember: every row (12 users, 5 accounts, 10 gifts) with its HubSpot record.
    const synced = db.prepare("SELECT sync, count(*) AS n, count(hubspot_id) AS ids FROM outbound_rows GROUP BY sync ORDER BY sync").all() as { sync: string; n: number; ids: number }[];
    assert.deepEqual(synced.map((r) => [r.sync, r.n, r.ids]), [["accounts-to-companies", 5, 5], ["gifts", 10, 10], ["users-to-contacts", 12, 12]]);
    const outboundRuns = db.prepare("SELECT sync, status FROM sync_runs WHERE sync <> 'warehouse' ORDER BY started_at").all() as { sync: string; status: string }[];
    assert.equal(outboundRuns.length, 6, "two passes of three outbound syncs");
    assert.ok(outboundRuns.every((r) => r.status === "succeeded"), JSON.stringify(outboundRuns));
    // The sample query printed for the newcomer runs as printed.
    const query = /sqlite3 -header -column \S+ "(SELECT email[^"]+)"/.exec(ran.stdout)?.[1];
    assert.ok(query !== undefined);
    assert.equal(db.prepare(query).all().length, 5);
  } finally {
    db.close();
  }
});
