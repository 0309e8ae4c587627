import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { runIds } from "../../src/cli/commands/ids.ts";
import { runReassociate } from "../../src/cli/commands/reassociate.ts";
import { runSchemaApply } from "../../src/cli/commands/schema-apply.ts";
import { runSyncRun } from "../../src/cli/commands/sync-run.ts";
import { exitCodes } from "../../src/cli/exit-code.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { cliKit, outboundConfig } from "../../src/cli/test-support/cli-test-kit.ts";
import { emulatorApi } from "./support/outbound-scene.ts";

// The outbound tools, in-process against the emulator: schema apply, ids (the write-back
// export), reassociate — each end to end through the real engine and SQLite.
const kit = await cliKit();
after(() => kit.cleanup());
const api = emulatorApi(kit.emulator);
const ada = await api.create("contacts", { email: "ada@acme.example", firstname: "Ada" });

const db = new Database(join(kit.dir, "app.db"));
db.exec(`
  CREATE TABLE gifts (transaction_id TEXT PRIMARY KEY, gift_name TEXT, amount NUMERIC, recipient_email TEXT);
  INSERT INTO gifts VALUES ('g1', 'Coffee, for two', 20, 'ada@acme.example'), ('g2', 'Wine "box"', 80, 'zed@nowhere.example'), ('g3', 'Book', 15, 'ada@acme.example');
`);
db.close();

const config = await kit.writeConfig(
  outboundConfig(`gifts:
  connection: hubspot
  source: { table: gifts }
  key: transaction_id
  object: gift_transaction
  mode: upsert
  match: { property: transaction_id, column: transaction_id }
  fields: { transaction_id: transaction_id, gift_name: gift_name, amount: amount }
  associations:
    - { to: contacts, column: recipient_email, by: email }
  customObject:
    name: gift_transaction
    labels: { singular: Gift, plural: Gifts }
    primaryDisplayProperty: gift_name
    uniqueProperty: transaction_id
    associatedObjects: [contacts]
    properties:
      - { name: transaction_id }
      - { name: gift_name }
      - { name: amount, type: number }`),
);

async function cli(args: string[]) {
  const { deps, stdout, stderr } = kit.deps();
  const code = await runCli(["--config", config, ...args], deps);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

test("schema apply creates the declared custom object once; run again, it finds it", async () => {
  const { deps, stdout, stderr } = kit.deps();
  assert.equal(await runSchemaApply(deps, { config, name: "gifts" }), exitCodes.ok, stderr.text());
  assert.match(stdout.text(), /^gift_transaction: created the custom object "Gifts" from customObject\n/);
  const schema = await api.get("/crm/v3/schemas/gift_transaction");
  assert.deepEqual(schema.labels, { singular: "Gift", plural: "Gifts" });
  assert.ok((schema.properties as { name: string }[]).some((p) => p.name === "transaction_id"));

  const again = await cli(["schema", "apply", "gifts", "--json"]);
  assert.equal(again.code, exitCodes.ok, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), { sync: "gifts", objectType: "gift_transaction", schemaCreated: false, propertiesCreated: [] });
});

test("ids exports the write-back as CSV on stdout and as JSON lines into a file, matching HubSpot's records", async () => {
  assert.equal(await runSyncRun(kit.deps().deps, { config, name: "gifts" }), exitCodes.ok);
  const csv = await cli(["ids", "gifts"]);
  assert.equal(csv.code, exitCodes.ok, csv.stderr);
  const lines = csv.stdout.trimEnd().split("\n");
  assert.equal(lines[0], "key,hubspot_id,synced_at");
  assert.deepEqual(lines.slice(1).map((line) => line.split(",")[0]), ["g1", "g2", "g3"]);
  for (const line of lines.slice(1)) {
    const [key, id, syncedAt] = line.split(",");
    assert.match(id ?? "", /^\d+$/);
    assert.ok(!Number.isNaN(Date.parse(syncedAt ?? "")), line);
    const record = await api.get(`/crm/v3/objects/gift_transaction/${id}?properties=transaction_id`);
    assert.equal(record.properties.transaction_id, key);
  }

  const file = join(kit.dir, "ids.jsonl");
  const jsonl = await cli(["ids", "gifts", "--format", "jsonl", "--output", file]);
  assert.equal(jsonl.code, exitCodes.ok, jsonl.stderr);
  assert.equal(jsonl.stdout, "");
  assert.match(jsonl.stderr, /^Wrote 3 row ids of gifts to .*ids\.jsonl \(jsonl\)\.\n$/);
  const rows = (await readFile(file, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line) as { key: string; hubspotId: string; syncedAt: string });
  assert.deepEqual(rows.map((r) => r.key), ["g1", "g2", "g3"]);
  assert.deepEqual(rows.map((r) => r.hubspotId), lines.slice(1).map((line) => line.split(",")[1]));
  await assert.rejects(stat(`${file}.partial`), "no partial file is left behind");

  const nowhere = await cli(["ids", "gifts", "--output", join(kit.dir, "no-such-folder", "ids.csv")]);
  assert.equal(nowhere.code, exitCodes.cantCreate);
  assert.match(nowhere.stderr, /^error: cannot write .*ids\.csv \(ENOENT\)\.\nfix: check that the folder exists/);

  const inbound = await cli(["ids", "crm"]);
  assert.equal(inbound.code, exitCodes.usage);
  assert.match(inbound.stderr, /has no outbound sync named "crm"\nfix: Outbound syncs: gifts\./);
});

test("reassociate links an orphan once its target exists, without sending unchanged records", async () => {
  const before = kit.deps();
  assert.equal(await runSyncRun(before.deps, { config, name: "gifts", json: true }), exitCodes.ok);
  assert.equal((JSON.parse(before.stdout.text()) as { orphans: number }).orphans, 1, "g2's recipient has no contact yet");

  const zed = await api.create("contacts", { email: "zed@nowhere.example", firstname: "Zed" });
  const dry = await cli(["reassociate", "gifts", "--dry-run"]);
  assert.equal(dry.code, exitCodes.ok, dry.stderr);
  assert.match(dry.stdout, /associations to add\s+1\n/);

  const linked = await cli(["reassociate", "gifts"]);
  assert.equal(linked.code, exitCodes.ok, linked.stderr + linked.stdout);
  assert.match(linked.stdout, /^gifts: run \S+ succeeded/);
  assert.match(linked.stdout, /\nassociations added\s+1\n/);
  assert.doesNotMatch(linked.stdout, /orphans/);
  assert.match(linked.stderr, /gifts\/associations: /);

  const ids = await cli(["ids", "gifts", "--format", "jsonl"]);
  const g2 = (ids.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { key: string; hubspotId: string })).find((r) => r.key === "g2");
  const associated = await api.get(`/crm/v4/objects/gift_transaction/${g2?.hubspotId ?? ""}/associations/contacts`);
  assert.deepEqual((associated.results as { toObjectId: number | string }[]).map((r) => String(r.toObjectId)), [zed]);
  void ada;
});

test("properties refresh lists the target's properties, mapped ones first with their column, and what a run would stop on", async () => {
  const fine = await cli(["properties", "refresh", "gifts"]);
  assert.equal(fine.code, exitCodes.ok, fine.stderr);
  assert.match(fine.stdout, /^gifts → gift_transaction: \d+ properties in HubSpot, read just now\n\nproperty\s+type\s+label\s+flags\s+mapped from\n─.*\namount\s+number\s+.*amount\ngift_name\s+string\s+.*gift_name\ntransaction_id\s+string\s+.*unique\s+transaction_id\n/);
  assert.match(fine.stdout, /\nmatch transaction_id: identifies one record\nfield map: all 3 mapped properties fit\n$/);

  // Created in HubSpot since: the next refresh (and run) sees it.
  await api.post("/crm/v3/properties/gift_transaction", { name: "wrapping", label: "Wrapping", type: "string", fieldType: "text", groupName: (await api.get("/crm/v3/properties/gift_transaction")).results[0].groupName });
  const json = await cli(["properties", "refresh", "gifts", "--json"]);
  assert.equal(json.code, exitCodes.ok, json.stderr);
  const report = JSON.parse(json.stdout) as { ok: boolean; properties: { name: string }[]; issues: unknown[]; match: { unique: boolean } };
  assert.ok(report.properties.some((p) => p.name === "wrapping"));
  assert.deepEqual([report.ok, report.issues, report.match.unique], [true, [], true]);

  const broken = await kit.writeConfig(
    outboundConfig("mistyped:\n  connection: hubspot\n  source: { table: gifts }\n  key: transaction_id\n  object: contacts\n  mode: create\n  fields: { email: recipient_email, gift_nmae: gift_name }"),
    "mistyped.yaml",
  );
  const { deps, stdout } = kit.deps();
  assert.equal(await runCli(["--config", broken, "properties", "refresh", "mistyped"], deps), exitCodes.failed);
  assert.match(stdout.text(), /field map: 1 problem a run would stop on:\n {2}property "gift_nmae": does not exist on this object in HubSpot\nfix: /);
});

test("each new command has help with examples", async () => {
  for (const command of [["schema", "apply"], ["properties", "refresh"], ["reassociate"], ["ids"]]) {
    const help = await cli([...command, "--help"]);
    assert.equal(help.code, exitCodes.ok, command.join(" "));
    assert.match(help.stdout, new RegExp(`Examples:\\n {2}hubsync ${command.join(" ")}`), command.join(" "));
  }
});
