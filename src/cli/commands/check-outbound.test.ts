import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { exitCodes } from "../exit-code.ts";
import { cliKit, outboundConfig } from "../test-support/cli-test-kit.ts";
import { runCheck } from "./check.ts";

// `hubsync check` on outbound syncs, against the emulator: every problem a run would hit, found
// before it runs, each with its fix — and nothing written to HubSpot.
const kit = await cliKit();
after(() => kit.cleanup());
kit.emulator.control.seed({ counts: { owners: 1, companies: 3, contacts: 4, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 1 } });

const db = new Database(join(kit.dir, "app.db"));
db.exec(`
  CREATE TABLE app_users (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, plan TEXT, account_domain TEXT);
  INSERT INTO app_users VALUES ('u1', 'ada@acme.example', 'Ada', 'pro', 'acme.example'), ('u2', 'bob@acme.example', 'Bob', 'free', NULL);
  CREATE TABLE app_accounts (id TEXT PRIMARY KEY, domain TEXT, name TEXT);
  INSERT INTO app_accounts VALUES ('a1', 'acme.example', 'Acme');
  CREATE TABLE gifts (id TEXT PRIMARY KEY, name TEXT);
`);
db.close();

const { baseUrl, token } = kit.emulator.info();
const labelled = await kit.emulator.fetch(`${baseUrl}/crm/v4/associations/contacts/companies/labels`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify({ label: "Account admin", name: "account_admin" }),
});
assert.equal(labelled.status, 200, await labelled.clone().text());

const users = (over = "", fields = "{ email: email, firstname: first_name, app_plan: plan }") => `users:
  connection: hubspot
  source: { table: app_users }
  key: id
  object: contacts
  mode: upsert
  match: { property: email, column: email }
  fields: ${fields}
${over}`;
const accounts = `accounts:
  connection: hubspot
  source: { table: app_accounts }
  key: id
  object: companies
  mode: upsert
  match: { property: domain, column: domain }
  fields: { domain: domain, name: name }`;

async function check(syncs: string, name: string, env = {}, json = false) {
  const path = await kit.writeConfig(outboundConfig(syncs), name);
  const before = writes();
  const { deps, stdout } = kit.deps(env);
  const code = await runCheck(deps, { config: path, json });
  assert.equal(writes(), before, "check writes nothing to HubSpot");
  return { code, text: stdout.text() };
}

/** Requests that change something in the emulator (label creation above included). */
function writes(): number {
  return Object.values(kit.emulator.control.stats.snapshot().byRoute)
    .filter((route) => route.method !== "GET" && !/\/(search|batch\/read)$/.test(route.route) && !route.route.startsWith("/oauth/"))
    .reduce((n, route) => n + route.total, 0);
}

test("a sound outbound sync passes: source read, object and properties found, label found; a property to create is a note", async () => {
  const { code, text } = await check(users("  createMissingProperties: true\n  associations:\n    - { to: companies, column: account_domain, by: domain, label: Account admin }\n  list: true"), "sound.yaml");
  assert.equal(code, exitCodes.ok, text);
  assert.match(text, /✓ config .*: 1 connection, 0 inbound syncs \(0 streams\), 1 outbound sync\n/);
  assert.match(text, /✓ {3}scopes: all 6 the syncs need are granted\n/);
  assert.match(text, /! outbound users → contacts\n/, "a warning marks the sync, and does not fail it");
  assert.match(text, /✓ {3}source table app_users: readable: 5 columns \(id, email, first_name, plan, account_domain\)\n/);
  assert.match(text, /✓ {3}object contacts: exists, with \d+ properties\n/);
  assert.match(text, /✓ {3}match email: identifies one contacts record\n/);
  assert.match(text, /• {3}fields: app_plan will be created as text properties \(createMissingProperties\)\n/);
  assert.match(text, /! {3}association to companies \(account_domain\): targets are found by domain, which does not have unique values/);
  assert.doesNotMatch(text, /✗/);
  assert.match(text, /All checks passed \(1 warning: worth reading above\)\./);
});

test("a match property without unique values is a warning with the external_id fix, not a failure", async () => {
  const { code, text } = await check(accounts, "domain.yaml");
  assert.equal(code, exitCodes.ok, text);
  assert.match(text, /! outbound accounts → companies\n/);
  assert.match(text, /! {3}match domain: does not have unique values: each batch is matched by a search \(slow\)/);
  assert.match(text, /fix: Create a unique property on companies — e\.g\. external_id, with "Require unique values" — fill it from your key column \(fields: \{ external_id: id \}\) and match on it: match: \{ property: external_id, column: id \}\./);
});

test("a source that cannot be read fails with the database's message (exit 74)", async () => {
  const { code, text } = await check(users().replace("app_users", "app_userz"), "no-table.yaml");
  assert.equal(code, exitCodes.ioError, text);
  assert.match(text, /✗ outbound users → contacts\n✗ {3}source table app_userz: .*app_userz/);
  assert.match(text, /fix: /);
});

test("a mapped property HubSpot lacks fails with the fix (or createMissingProperties); a column the source lacks is named", async () => {
  const missing = await check(users(), "missing-property.yaml");
  assert.equal(missing.code, exitCodes.protocol, missing.text);
  assert.match(missing.text, /✗ {3}fields: contacts has no property app_plan\n {4}fix: Create them in HubSpot \(Settings → Properties\), correct the names \(internal names, not labels\), or set createMissingProperties: true\./);

  const column = await check(users("", "{ email: email, firstname: frist_name }").replace("column: email }", "column: emial }"), "column.yaml");
  assert.equal(column.code, exitCodes.config, column.text);
  assert.match(column.text, /✗ {3}column "emial": named by match\.column, but not among the source's columns \(id, email, first_name, plan, account_domain\)/);
  assert.match(column.text, /✗ {3}field firstname: property "firstname": column "frist_name" is not in the source/);
});

test("an association label HubSpot does not have fails, naming the labels it has and where to create it", async () => {
  const { code, text } = await check(users("  createMissingProperties: true\n  associations:\n    - { to: companies, column: account_domain, by: domain, label: Billing contact }"), "label.yaml");
  assert.equal(code, exitCodes.protocol, text);
  assert.match(text, /✗ {3}association to companies \(account_domain\): HubSpot has no association label "Billing contact" from contacts to companies \(it has "Primary", "Account admin"\)/);
  assert.match(text, /fix: Create the label first: in HubSpot, Settings → Objects → contacts → Associations → Create association label/);
});

test("a custom object: missing and undeclared fails naming the portal's objects; declared, it is a note for schema apply", async () => {
  const widget = `widgets:
  connection: hubspot
  source: { table: gifts }
  key: id
  object: widget
  mode: upsert
  match: { property: widget_id, column: id }
  fields: { widget_id: id }`;
  const undeclared = await check(widget, "undeclared.yaml");
  assert.equal(undeclared.code, exitCodes.protocol, undeclared.text);
  assert.match(undeclared.text, /✗ {3}object widget: the portal has no custom object by that name\n {4}fix: Declare its schema under customObject: .* The portal's custom objects: gift\./);

  const declared = await check(
    `${widget}
  customObject:
    name: widget
    labels: { singular: Widget, plural: Widgets }
    primaryDisplayProperty: widget_id
    uniqueProperty: widget_id
    properties: [{ name: widget_id }]`,
    "declared.yaml",
  );
  assert.equal(declared.code, exitCodes.ok, declared.text);
  assert.match(declared.text, /• {3}object widget: not in the portal yet: `hubsync schema apply widgets` \(or the first run\) creates it from customObject/);
  assert.match(declared.text, /✓ {3}match widget_id: has unique values/);
  assert.match(declared.text, /• {3}source table gifts: readable, but it has no rows yet/);
});

test("the scopes outbound needs: write, schema write for new properties, lists — each named with the sync that needs it", async () => {
  const { token: readOnly } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read", "crm.schemas.contacts.read", "crm.objects.companies.read"] });
  const { code, text } = await check(users("  createMissingProperties: true\n  list: true"), "scopes.yaml", { HUBSPOT_TOKEN: readOnly }, true);
  assert.equal(code, exitCodes.noPermission, text);
  const report = JSON.parse(text) as { ok: boolean; connections: { missingScopes: { scope: string; neededBy: string[] }[] }[]; outbound: { sync: string; ok: boolean; findings: { level: string }[] }[] };
  assert.equal(report.ok, false);
  assert.deepEqual(report.connections[0]?.missingScopes.map((need) => [need.scope, need.neededBy]), [
    ["crm.objects.contacts.write", ["users"]],
    ["crm.schemas.contacts.write", ["users"]],
    ["crm.lists.write", ["users"]],
  ]);
  assert.equal(report.outbound[0]?.sync, "users");
});
