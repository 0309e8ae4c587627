import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { runLogs } from "../../src/cli/commands/logs.ts";
import { runStatus } from "../../src/cli/commands/status.ts";
import { syncRun } from "../../src/cli/commands/sync-run.ts";
import { exitCodes } from "../../src/cli/exit-code.ts";
import { cliKit, outboundConfig } from "../../src/cli/test-support/cli-test-kit.ts";
import { emulatorApi, writeRequests } from "./support/outbound-scene.ts";

// `hubsync sync run` on outbound syncs, in-process against the emulator (real engine, real
// SQLite holding both the source tables and hubsync's state): the dry run's plan, progress and
// summaries, exit codes, only-changed rows, --full, status and per-row logs.
const kit = await cliKit();
after(() => kit.cleanup());
const api = emulatorApi(kit.emulator);
const acme = await api.create("companies", { name: "Acme", domain: "acme.example" });
const ada = await api.create("contacts", { email: "ada@acme.example", firstname: "Ada" });
await api.post("/crm/v4/associations/contacts/companies/labels", { label: "Account admin", name: "account_admin" });

const db = new Database(join(kit.dir, "app.db"));
db.exec(`
  CREATE TABLE app_accounts (id TEXT PRIMARY KEY, name TEXT, domain TEXT);
  INSERT INTO app_accounts VALUES ('a1', 'Acme Inc', 'acme.example'), ('a2', 'Globex', 'globex.example');
  CREATE TABLE app_users (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, plan TEXT, role TEXT, account_id TEXT);
  INSERT INTO app_users VALUES
    ('u1', 'ada@acme.example', 'Ada', 'team', 'admin', 'a1'),
    ('u2', 'bob@globex.example', 'Bob', 'pro', 'admin', 'a2'),
    ('u3', 'cy@globex.example', 'Cy', 'free', 'member', 'a2'),
    ('u4', 'not-an-email', 'Dee', 'free', 'member', NULL);
`);

const config = await kit.writeConfig(
  outboundConfig(`accounts:
  connection: hubspot
  source: { table: app_accounts }
  key: id
  object: companies
  mode: upsert
  match: { property: domain, column: domain }
  fields: { domain: domain, name: name }
users:
  connection: hubspot
  source:
    query: |
      select u.id, u.email, u.first_name, u.plan, a.domain as account_domain,
             case when u.role = 'admin' then a.domain end as admin_of_domain
      from app_users u left join app_accounts a on a.id = u.account_id
  key: id
  object: contacts
  mode: upsert
  match: { property: email, column: email }
  fields: { email: email, firstname: first_name, app_plan: plan }
  createMissingProperties: true
  associations:
    - { to: companies, column: account_domain, by: domain }
    - { to: companies, column: admin_of_domain, by: domain, label: Account admin }
  list: { name: App users }`),
);

async function run(options: Parameters<typeof syncRun>[1]) {
  const { deps, stdout, stderr } = kit.deps();
  const before = writeRequests(kit.emulator);
  const outcome = await syncRun(deps, { config, ...options });
  return { ...outcome, stdout: stdout.text(), stderr: stderr.text(), writes: writeRequests(kit.emulator) - before };
}

test("--dry-run prints each sync's plan with samples and writes nothing to HubSpot", async () => {
  const companiesBefore = await api.count("companies");
  const dry = await run({ all: true, dryRun: true });
  assert.equal(dry.exitCode, exitCodes.ok, dry.stdout + dry.stderr);
  assert.equal(dry.writes, 0, "a dry run sends no write call");
  assert.equal(await api.count("companies"), companiesBefore);
  assert.deepEqual(dry.outbound.map((s) => [s.sync, s.dryRun, s.writeCalls]), [["accounts", true, 0], ["users", true, 0]]);
  const accounts = dry.outbound[0];
  assert.ok(accounts !== undefined);
  assert.deepEqual([accounts.plan.creates, accounts.plan.updates], [1, 1]);
  assert.match(dry.stdout, /^accounts: dry run \S+ planned in .* HubSpot API calls, no writes\n\nPlan \(nothing was written\):\nchange\s+count\n/);
  assert.match(dry.stdout, /\nto create\s+1\nto update\s+1\n/);
  assert.match(dry.stdout, /\nSamples:\nchange\s+row\s+HubSpot id\s+detail\n/);
  assert.match(dry.stdout, new RegExp(`\\n\\S*update\\S*\\s+a1\\s+${acme}\\s`), "an update sample names the row and its record");
  assert.match(dry.stdout, /Run it without --dry-run to write these changes\./);
  assert.match(dry.stderr, /accounts: run \S+ started — dry run: reads the source and HubSpot, writes nothing\n/);
});

test("a run writes, shows progress per phase and a summary; a row HubSpot refuses exits 1 and is in the logs with HubSpot's message", async () => {
  const first = await run({ all: true });
  assert.equal(first.exitCode, exitCodes.failed, first.stdout + first.stderr);
  const [accounts, users] = first.outbound;
  assert.ok(accounts !== undefined && users !== undefined);
  assert.deepEqual([accounts.created, accounts.updated, accounts.failed], [1, 1, 0]);
  assert.deepEqual([users.created, users.updated, users.failed], [2, 1, 1]);
  assert.ok(users.associationsCreated >= 4, `three users with a company, two admins labelled: ${users.associationsCreated}`);
  assert.equal(users.listAdded, 3);
  assert.match(first.stdout, /^accounts: run \S+ succeeded in .* HubSpot API calls, \d+ of them writes\n\nrows\s+count\n/);
  assert.match(first.stdout, /\nusers: run \S+ succeeded .*\n(.*\n)*created\s+2\nupdated\s+1\nfailed \(HubSpot refused\)\s+1\n/);
  assert.match(first.stdout, new RegExp(`1 rows were not written\\. Each one, with HubSpot's message: hubsync logs ${users.runId} --level warn`));
  assert.match(first.stderr, /users\/records: done — 4 sent, 3 succeeded, 1 failed in \d+ batch/);
  assert.match(first.stderr, /users\/associations: /);
  assert.match(first.stderr, /users\/list: /);
  assert.equal((await api.get(`/crm/v3/objects/contacts/${ada}?properties=app_plan`)).properties.app_plan, "team");

  const logs = kit.deps();
  assert.equal(await runLogs(logs.deps, { config, run: users.runId.slice(0, 8), level: "warn" }), exitCodes.ok, logs.stderr.text());
  assert.match(logs.stdout.text(), new RegExp(`^run ${users.runId} of users: succeeded`));
  assert.match(logs.stdout.text(), /\n\S+ \S+ {2}(WARN|ERROR)\s+records .*row u4\b.*not-an-email.*invalid/i);

  const status = kit.deps();
  assert.equal(await runStatus(status.deps, { config, name: "users", json: true }), exitCodes.ok, status.stderr.text());
  const users_ = JSON.parse(status.stdout.text()) as { direction: string; rows: number; synced: number; failing: number; orphans: number; lastRun?: { status: string } };
  assert.deepEqual([users_.direction, users_.rows, users_.synced, users_.failing, users_.orphans, users_.lastRun?.status], ["outbound", 4, 3, 1, 0, "succeeded"]);
  const table = kit.deps();
  assert.equal(await runStatus(table.deps, { config }), exitCodes.ok);
  assert.match(table.stdout.text(), /outbound sync users\nrows\s+synced\s+failing\s+orphans\s+last run \(UTC\)\n.*\n\s+4\s+3\s+1\s+0\s+succeeded /);
  assert.match(table.stdout.text(), /failing rows, with HubSpot's messages: hubsync logs \S{8} --level warn/);
});

test("fixed, the row is sent; then a run with nothing changed sends nothing; --full sends every row again", async () => {
  db.prepare("UPDATE app_users SET email = 'dee@example.org' WHERE id = 'u4'").run();
  const fixed = await run({ name: "users" });
  assert.equal(fixed.exitCode, exitCodes.ok, fixed.stdout + fixed.stderr);
  assert.deepEqual([fixed.outbound[0]?.created, fixed.outbound[0]?.updated, fixed.outbound[0]?.unchanged], [1, 0, 3]);

  const again = await run({ all: true });
  assert.equal(again.exitCode, exitCodes.ok, again.stdout + again.stderr);
  assert.equal(again.writes, 0, "nothing changed: no write call");
  for (const summary of again.outbound) {
    assert.equal(summary.writeCalls, 0, summary.sync);
    assert.equal(summary.unchanged, summary.rowsRead, summary.sync);
  }

  const full = await run({ name: "accounts", full: true });
  assert.equal(full.exitCode, exitCodes.ok, full.stdout + full.stderr);
  assert.equal(full.outbound[0]?.unchanged, 0);
  assert.equal(full.outbound[0]?.updated, 2);
  assert.ok(full.writes > 0);
});

test("Ctrl+C stops an outbound run (exit 130, run cancelled); the same command again finishes it", async () => {
  db.prepare("UPDATE app_accounts SET name = name || ' (renamed)'").run();
  const first = kit.deps();
  let pressed = false;
  const stderr = {
    ...first.deps.stderr,
    write: (text: string) => {
      first.deps.stderr.write(text);
      if (!pressed && text.includes("accounts/records: started")) {
        pressed = true;
        first.interrupt();
      }
    },
  };
  const stopped = await syncRun({ ...first.deps, stderr }, { config, all: true });
  assert.equal(stopped.exitCode, exitCodes.interrupted, first.stdout.text() + first.stderr.text());
  assert.match(first.stderr.text(), /Stopping after the current page or batch/);
  assert.deepEqual(stopped.outbound.map((s) => [s.sync, s.status]), [["accounts", "cancelled"]], "users never started");
  assert.match(first.stdout.text(), /Stopped\. Run the same command again: rows already written are not sent twice\./);

  const again = await run({ all: true });
  assert.equal(again.exitCode, exitCodes.ok, again.stdout + again.stderr);
  assert.equal(again.outbound[0]?.updated, 2);
});

test("outbound flags on the wrong syncs are refused before anything runs (exit 64)", async () => {
  const stream = await run({ name: "users", streams: ["contacts"] });
  assert.equal(stream.exitCode, exitCodes.usage);
  assert.match(stream.stderr, /--stream picks streams of inbound syncs; "users" is an outbound sync/);
  const unknown = await run({ name: "userz" });
  assert.equal(unknown.exitCode, exitCodes.usage);
  assert.match(unknown.stderr, /has no sync named "userz"\nfix: Configured syncs: accounts, users\./);
});
