import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { createEmulator } from "../../src/emulator/index.ts";
import { startEmulatorServer, type RunningEmulator } from "../../src/emulator/server.ts";
import Database from "better-sqlite3";
import { mirrorConfig, outboundConfig } from "../../src/cli/test-support/cli-test-kit.ts";

// `hubsync` as a person runs it: a child process talking HTTP to an emulator on a real port.
// Each spawn costs a Node start, so parsing and exit codes are covered in-process (src/cli/run-cli.test.ts).
const main = resolve(import.meta.dirname, "../../src/cli/main.ts");
const emulator = createEmulator({ rateLimits: false, indexLagMs: 0 });
emulator.control.seed({ counts: { owners: 2, companies: 4, contacts: 12, deals: 3, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
let server: RunningEmulator;
let dir: string;

before(async () => {
  server = await startEmulatorServer(emulator, 0, "127.0.0.1");
  dir = await mkdtemp(join(tmpdir(), "hubsync-cli-process-"));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function hubsync(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [main, ...args],
      { cwd: dir, env: { PATH: process.env["PATH"] ?? "", HUBSPOT_BASE_URL: server.url, HUBSPOT_TOKEN: emulator.info().token, HUBSYNC_LOG_LEVEL: "warn", ...env } },
      (error, stdout, stderr) => done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    );
  });
}

test("sync run, status and logs, as child processes over HTTP", async () => {
  await writeFile(join(dir, "mirror.yaml"), mirrorConfig("contacts:\n  associations: [companies]\ncompanies:\nowners:"));
  const run = await hubsync(["--config", "mirror.yaml", "sync", "run", "crm", "--json"]);
  assert.equal(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as { runId: string; status: string; streams: { stream: string; written: number }[] };
  assert.equal(summary.status, "succeeded");
  assert.deepEqual(summary.streams.map((s) => [s.stream, s.written]).slice(0, 2), [["contacts", 12], ["companies", 4]]);

  const status = await hubsync(["status", "crm"], { HUBSYNC_CONFIG: "mirror.yaml" });
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /\ncontacts\s+incremental\s+12\s+12\s+yes\s/);
  assert.match(status.stdout, /\ncompanies\s+incremental\s+4\s+4\s+yes\s/);

  const logs = await hubsync(["--config", "mirror.yaml", "logs", summary.runId.slice(0, 8), "--json"]);
  assert.equal(logs.code, 0, logs.stderr);
  const entries = logs.stdout.trim().split("\n").map((line) => JSON.parse(line) as { runId: string });
  assert.ok(entries.length > 0 && entries.every((e) => e.runId === summary.runId));
});

test("an outbound sync as child processes: a dry run as JSON writes nothing, the run writes, ids exports what it wrote", async () => {
  const db = new Database(join(dir, "app.db"));
  db.exec("CREATE TABLE accounts (id TEXT PRIMARY KEY, domain TEXT, name TEXT); INSERT INTO accounts VALUES ('a1', 'one.example', 'One'), ('a2', 'two.example', 'Two');");
  db.close();
  await writeFile(
    join(dir, "push.yaml"),
    outboundConfig("push:\n  connection: hubspot\n  source: { table: accounts }\n  key: id\n  object: companies\n  mode: create\n  fields: { domain: domain, name: name }"),
  );
  const dry = await hubsync(["--config", "push.yaml", "sync", "run", "push", "--dry-run", "--json"]);
  assert.equal(dry.code, 0, dry.stderr);
  const plan = JSON.parse(dry.stdout) as { direction: string; dryRun: boolean; writeCalls: number; plan: { creates: number } };
  assert.deepEqual([plan.direction, plan.dryRun, plan.writeCalls, plan.plan.creates], ["outbound", true, 0, 2]);

  const run = await hubsync(["--config", "push.yaml", "sync", "run", "push"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^push: run \S+ succeeded .*\n(.*\n)*created\s+2\n/);
  assert.match(run.stderr, /push\/records: done — 2 sent, 2 succeeded, 0 failed/);

  const ids = await hubsync(["--config", "push.yaml", "ids", "push"]);
  assert.equal(ids.code, 0, ids.stderr);
  assert.match(ids.stdout, /^key,hubspot_id,synced_at\na1,\d+,\S+\na2,\d+,\S+\n$/);
});

test("a failure reaches the shell as its exit code, with the words on stderr", async () => {
  const missing = await hubsync(["--config", "nope.yaml", "sync", "run", "crm"]);
  assert.equal(missing.code, 66);
  assert.match(missing.stderr, /error: No configuration file \(CONFIG_NOT_FOUND\)/);
  assert.match(missing.stderr, /fix: Run `hubsync init`/);
  assert.equal(missing.stdout, "");
});
