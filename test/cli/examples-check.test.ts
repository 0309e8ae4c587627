import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { runCheck } from "../../src/cli/commands/check.ts";
import { runSyncRun } from "../../src/cli/commands/sync-run.ts";
import { exitCodes } from "../../src/cli/exit-code.ts";
import { cliKit } from "../../src/cli/test-support/cli-test-kit.ts";
import { appTableSizes, fillAppTables } from "../../scripts/demo/app-tables.ts";
import { prepareDemoPortal } from "../../scripts/demo/outbound-pass.ts";

// The outbound examples as a newcomer meets them: after the demo's setup (a mirror, the app
// tables, the label), `hubsync check` passes on both, with the warning and the note they
// should see; without the label, it names the label to create.
const root = resolve(import.meta.dirname, "../..");
const kit = await cliKit();
after(() => kit.cleanup());
kit.emulator.control.seed({ counts: { owners: 2, companies: 6, contacts: 24, deals: 8, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
const dbPath = join(kit.dir, "demo.db");
const env = { DATABASE_URL: `sqlite:${dbPath}` };
const reverseEtl = resolve(root, "examples/reverse-etl/hubsync.yaml");
const gifts = resolve(root, "examples/app-records-custom-object/hubsync.yaml");

async function check(config: string) {
  const { deps, stdout } = kit.deps(env);
  return { code: await runCheck(deps, { config }), text: stdout.text() };
}

test("before the unique property and the label exist, check on the reverse-ETL example names them and where to create them", async () => {
  const mirrored = kit.deps(env);
  assert.equal(await runSyncRun(mirrored.deps, { config: resolve(root, "examples/warehouse-mirror/hubsync.yaml"), name: "warehouse", streams: ["contacts", "companies", "deals"] }), exitCodes.ok, mirrored.stderr.text());
  fillAppTables(root, dbPath, 1, appTableSizes(true));
  const { code, text } = await check(reverseEtl);
  assert.equal(code, exitCodes.protocol, text);
  assert.match(text, /✗ {3}fields: companies has no property app_account_id\n {4}fix: Create them in HubSpot/);
  assert.match(text, /✗ {3}association to companies \(account_id\): companies has no property app_account_id to find targets by/);
  assert.match(text, /✗ {3}association to companies \(admin_of_account\): HubSpot has no association label "Account admin" from contacts to companies/);
});

test("with the demo's setup, check passes on both outbound examples, with the warnings and notes a newcomer should read", async () => {
  await prepareDemoPortal(kit.emulator.info().baseUrl, kit.emulator.info().token, kit.emulator.fetch);
  const etl = await check(reverseEtl);
  assert.equal(etl.code, exitCodes.ok, etl.text);
  assert.match(etl.text, /✓ {3}source table app_accounts: readable: 7 columns/);
  assert.match(etl.text, /! {3}match domain: does not have unique values/);
  assert.match(etl.text, /✓ {3}association to companies \(account_id\): target and lookup are in order\n/);
  assert.match(etl.text, /✓ {3}association to companies \(admin_of_account\): target, lookup and label "Account admin" are in order\n/);
  assert.match(etl.text, /✓ {3}source query: readable: 10 columns/);
  assert.match(etl.text, /• {3}fields: app_plan, app_signup_date will be created as text properties \(createMissingProperties\)/);
  assert.match(etl.text, /All checks passed \(1 warning: worth reading above\)\./);

  const custom = await check(gifts);
  assert.equal(custom.code, exitCodes.ok, custom.text);
  assert.match(custom.text, /✓ {3}source table gift_transactions: readable: 12 columns/);
  assert.match(custom.text, /• {3}object gift_transaction: not in the portal yet: `hubsync schema apply gifts` \(or the first run\) creates it from customObject/);
  assert.match(custom.text, /✓ {3}match transaction_id: has unique values/);
  assert.match(custom.text, /✓ {3}fields: all 12 mapped properties are declared under customObject\n/);
  assert.match(custom.text, /✓ {3}association to deals \(through recipient_email\): /);
});
