import assert from "node:assert/strict";
import { after, test } from "node:test";
import { exitCodes } from "../exit-code.ts";
import { cliKit, mirrorConfig } from "../test-support/cli-test-kit.ts";
import { runCheck } from "./check.ts";

const kit = await cliKit();
after(() => kit.cleanup());

test("check names each missing scope, the streams that need it, and where to add it", async () => {
  const path = await kit.writeConfig(mirrorConfig("contacts:\n  associations: [companies]\ndeals:\nowners:"), "scopes.yaml");
  const { token } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read", "crm.schemas.contacts.read"] });
  const { deps, stdout } = kit.deps({ HUBSPOT_TOKEN: token });
  const code = await runCheck(deps, { config: path });
  const text = stdout.text();
  assert.equal(code, exitCodes.noPermission, text);
  assert.match(text, /scopes: 4 missing/);
  assert.match(text, /crm\.objects\.companies\.read\s+needed by crm\/contacts\n/);
  assert.match(text, /crm\.objects\.deals\.read\s+needed by crm\/deals/);
  assert.match(text, /crm\.schemas\.deals\.read\s+needed by crm\/deals/);
  assert.match(text, /crm\.objects\.owners\.read\s+needed by crm\/owners/);
  assert.doesNotMatch(text, /crm\.objects\.contacts\.read\s+needed/);
  assert.match(text, /fix: in HubSpot, open Settings → Integrations → Private apps → your app → Scopes, add crm\.objects\.companies\.read crm\.objects\.deals\.read/);
});

test("check --json lists the missing scopes for machines", async () => {
  const path = await kit.writeConfig(mirrorConfig("lists:"), "lists.yaml");
  const { token } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
  const { deps, stdout } = kit.deps({ HUBSPOT_TOKEN: token });
  assert.equal(await runCheck(deps, { config: path, json: true }), exitCodes.noPermission);
  const report = JSON.parse(stdout.text()) as { ok: boolean; connections: { missingScopes: { scope: string; anyOf: string[] }[]; portalId: string }[] };
  assert.equal(report.ok, false);
  assert.equal(report.connections[0]?.portalId, String(kit.emulator.info().portalId));
  assert.deepEqual(report.connections[0]?.missingScopes.map((s) => s.anyOf), [["crm.lists.read", "crm.lists.write"]]);
});

test("check reports a config error by its key path and line, with the fix", async () => {
  const path = await kit.writeConfig(mirrorConfig("contacts:\n  strategy: incremntal"), "typo.yaml");
  const { deps, stdout } = kit.deps();
  assert.equal(await runCheck(deps, { config: path }), exitCodes.config);
  assert.match(stdout.text(), /✗ config: The configuration is invalid \(CONFIG_INVALID\)/);
  assert.match(stdout.text(), /inbound\.crm\.streams\.contacts\.strategy: expected one of full_refresh, incremental, client_incremental; got "incremntal" \(.*typo\.yaml:15:9\)/);
  assert.match(stdout.text(), /fix: Correct the keys listed above/);
});

test("check reports an unset environment variable, and a missing file, with what to do", async () => {
  const path = await kit.writeConfig(mirrorConfig("contacts:"), "env.yaml");
  const unset = kit.deps({ HUBSPOT_TOKEN: undefined });
  assert.equal(await runCheck(unset.deps, { config: path }), exitCodes.config);
  assert.match(unset.stdout.text(), /connections\.hubspot\.auth\.token: environment variable HUBSPOT_TOKEN is not set/);
  assert.match(unset.stdout.text(), /fix: Set HUBSPOT_TOKEN in the environment/);

  const missing = kit.deps();
  assert.equal(await runCheck(missing.deps, { config: `${kit.dir}/nope.yaml` }), exitCodes.noInput);
  assert.match(missing.stdout.text(), /hubsync init/);
});

test("check reports a custom object the portal does not have, naming the ones it has", async () => {
  const path = await kit.writeConfig(mirrorConfig("gadget:\ncontacts:\n  associations: [p_widget]"), "custom.yaml");
  kit.emulator.control.seed({ counts: { owners: 1, companies: 1, contacts: 1, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 1 } });
  const { deps, stdout } = kit.deps();
  assert.equal(await runCheck(deps, { config: path }), exitCodes.protocol);
  assert.match(stdout.text(), /object types: 2 not found/);
  assert.match(stdout.text(), /gadget {2}named by crm\/gadget/);
  assert.match(stdout.text(), /p_widget {2}named by crm\/contacts \(associations\)/);
  assert.match(stdout.text(), /The portal's custom objects: gift \(2-\d+\)/);
});

test("check reports a token HubSpot rejects, and a store it cannot open", async () => {
  const path = await kit.writeConfig(mirrorConfig("contacts:", "sqlite:/nonexistent-dir/for/sure/x.db"), "bad.yaml");
  const { deps, stdout } = kit.deps({ HUBSPOT_TOKEN: "pat-na1-not-a-token" });
  const code = await runCheck(deps, { config: path });
  assert.equal(code, exitCodes.ioError, "the first problem (the store) sets the exit code");
  assert.match(stdout.text(), /✗ store SQLite \/nonexistent-dir\/for\/sure\/x\.db: The database failed \(STORE_FAILED\)/);
  assert.match(stdout.text(), /✗ connection "hubspot" .*: HubSpot rejected the credentials \(HUBSPOT_UNAUTHORIZED\)/);
});
