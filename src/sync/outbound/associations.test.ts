import assert from "node:assert/strict";
import { syncId } from "../../core/ids.ts";
import { forEachDriver, type OutboundKit } from "./test-support/outbound-kit.ts";

const referrals = `source: { csv: "\${dir}/people.csv" }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }
fields:
  email: email
associations:
  - to: contacts
    column: referrer
    by: email
    label: Referrer
    removeMissing: true
    removeDefaultWhenLastLabelRemoved: true
  - { to: companies, column: employers, by: hs_object_id, shape: map, removeMissing: true }`;

async function label(kit: OutboundKit, from: string, to: string, text: string): Promise<void> {
  const answer = await kit.api("POST", `/crm/v4/associations/${from}/${to}/labels`, { label: text, name: text.toLowerCase().replace(/\W+/g, "_") });
  assert.ok(answer.status < 300, JSON.stringify(answer.body));
}

forEachDriver("a label HubSpot does not have stops the run before anything is written, naming it", async (kit) => {
  const k = await kit({ sync: referrals });
  k.writeFile("people.csv", "id,email,referrer,employers\n1,ann@example.com,,\n");
  const result = await k.attempt();
  assert.ok(result.ok);
  assert.equal(result.value.status, "failed");
  assert.equal(result.value.error?.code, "CONFIG_INVALID");
  assert.match(result.value.error?.message ?? "", /association label "Referrer" does not exist from contacts to contacts/);
  assert.equal(result.value.writeCalls, 0);
  assert.equal(k.records("contacts").size, 0);
  assert.equal((await k.rows()).size, 0);
});

forEachDriver("same-type labelled associations to records created in the same run; labels from values; removal of what left the source", async (kit) => {
  const k = await kit({ sync: referrals });
  await label(k, "contacts", "contacts", "Referrer");
  await label(k, "contacts", "companies", "Employer");
  await label(k, "contacts", "companies", "Investor");
  const made = await k.api<{ results: Array<{ id: string }> }>("POST", "/crm/v3/objects/companies/batch/create", { inputs: [{ properties: { name: "Acme" } }, { properties: { name: "Globex" } }] });
  const [acme, globex] = made.body.results.map((r) => r.id).sort();
  // Dee refers Ann, and Dee's row comes after Ann's: Dee's record does not exist when Ann's is written.
  k.writeFile(
    "people.csv",
    `id,email,referrer,employers\n1,ann@example.com,dee@example.com,"{""${acme}"": ""Employer"", ""${globex}"": [""Investor"", null]}"\n2,dee@example.com,,\n`,
  );
  const dry = await k.run({ dryRun: true });
  assert.equal(dry.plan.creates, 2);
  // Acme (Employer), Globex (Investor, and unlabelled); Dee does not exist before the real run.
  assert.equal(dry.plan.associationsToCreate, 3);
  assert.ok(dry.plan.samples.some((sample) => sample.change === "orphan" && sample.detail.includes("dee@example.com")));
  assert.equal(k.records("contacts").size, 0);

  const first = await k.run();
  assert.equal(first.created, 2);
  assert.equal(first.failed, 0, JSON.stringify(await k.audit(first.runId)));
  assert.equal(first.associationsCreated, 4);
  const rows = await k.rows();
  const ann = rows.get("1")?.hubspotId ?? "";
  const dee = rows.get("2")?.hubspotId ?? "";
  assert.deepEqual(k.associations("contacts", ann, "contacts").get(dee)?.sort(), [null, "Referrer"].sort());
  assert.deepEqual(k.associations("contacts", ann, "companies").get(acme ?? "")?.sort(), [null, "Employer"].sort());
  assert.deepEqual(k.associations("contacts", ann, "companies").get(globex ?? "")?.sort(), [null, "Investor"].sort());

  // Someone labels Ann → Acme as an investor in HubSpot; the sync's own changes keep that label.
  const investor = (await k.client().associationLabels("contacts", "companies")).find((l) => l.label === "Investor");
  await k.client().createAssociations("contacts", "companies", [{ fromId: ann, toId: acme ?? "", types: [{ category: "USER_DEFINED", typeId: investor?.typeId ?? 0 }, { category: "USER_DEFINED", typeId: (await k.client().associationLabels("contacts", "companies")).find((l) => l.label === "Employer")?.typeId ?? 0 }] }]);

  // Ann no longer has a referrer, and Globex is no longer her employer; Acme's label does not change.
  k.writeFile("people.csv", `id,email,referrer,employers\n1,ann@example.com,,"{""${acme}"": ""Employer""}"\n2,dee@example.com,,\n`);
  const second = await k.run();
  assert.equal(second.failed, 0, JSON.stringify(await k.audit(second.runId)));
  assert.equal(k.associations("contacts", ann, "contacts").has(dee), false, "the last label gone, the default went with it");
  assert.equal(k.associations("contacts", ann, "companies").has(globex ?? ""), false);
  assert.deepEqual(k.associations("contacts", ann, "companies").get(acme ?? "")?.sort(), [null, "Employer", "Investor"].sort(), "a label the sync never wrote stays");
  const written = await k.store.outboundAssociations(syncId("push"), k.portalId, ["1"]);
  assert.deepEqual(written.map((w) => `${w.toId}:${w.label ?? "-"}`).sort(), [`${acme}:Employer`]);

  // An unknown label in a value fails that row before it is written.
  k.writeFile("people.csv", `id,email,referrer,employers\n1,ann@example.com,,"{""${acme}"": ""Owner""}"\n2,dee@example.com,,\n`);
  const third = await k.run();
  assert.equal(third.rowsInvalid, 1);
  const audit = await k.audit(third.runId);
  assert.match(audit.find((entry) => entry.action === "row_invalid")?.message ?? "", /the association label "Owner" does not exist from contacts to companies/);
});

forEachDriver("create mode leaves existing records alone; update mode never creates and reports rows without a record", async (kit) => {
  const k = await kit({ sync: `source: { jsonl: "\${dir}/rows.jsonl" }\nkey: id\nobject: contacts\nmode: create\nmatch: { property: email, column: email }\nfields: { email: email, firstname: name }` });
  const existing = await k.api<{ id: string }>("POST", "/crm/v3/objects/contacts", { properties: { email: "old@example.com", firstname: "Old" } });
  k.writeFile("rows.jsonl", `{"id": 1, "email": "old@example.com", "name": "Changed"}\n{"id": 2, "email": "new@example.com", "name": "New"}\n`);
  const created = await k.run();
  assert.deepEqual([created.created, created.unchanged, created.failed], [1, 1, 0]);
  assert.equal(k.records("contacts").get(existing.body.id)?.["firstname"], "Old");
  assert.equal((await k.rows()).get("1")?.hubspotId, existing.body.id);
  assert.equal((await k.rows()).get("1")?.createdBySync, false);

  k.reconfigure(`source: { jsonl: "\${dir}/rows.jsonl" }\nkey: id\nobject: contacts\nmode: update\nmatch: { property: email, column: email }\nfields: { email: email, firstname: name }`);
  k.writeFile("rows.jsonl", `{"id": 1, "email": "old@example.com", "name": "Changed"}\n{"id": 3, "email": "ghost@example.com", "name": "Ghost"}\n`);
  const updated = await k.run();
  assert.deepEqual([updated.updated, updated.created, updated.failed], [1, 0, 1]);
  assert.equal(k.records("contacts").get(existing.body.id)?.["firstname"], "Changed");
  assert.equal(k.records("contacts").size, 2);
  const audit = await k.audit(updated.runId);
  assert.match(audit.find((entry) => entry.action === "not_matched")?.message ?? "", /row "3" has no record to update: no contacts has email "ghost@example.com"/);
});

forEachDriver("matching on a property without unique values warns, suggests external_id, and finds records by search", async (kit) => {
  const k = await kit({ sync: `source: { jsonl: "\${dir}/rows.jsonl" }\nkey: id\nobject: companies\nmode: upsert\nmatch: { property: domain, column: domain }\nfields: { domain: domain, name: name }` });
  const acme = await k.api<{ id: string }>("POST", "/crm/v3/objects/companies", { properties: { domain: "acme.com", name: "Acme" } });
  k.writeFile("rows.jsonl", `{"id": 1, "domain": "acme.com", "name": "Acme Inc"}\n{"id": 2, "domain": "initech.com", "name": "Initech"}\n`);
  const run = await k.run();
  assert.deepEqual([run.updated, run.created], [1, 1]);
  assert.equal(k.records("companies").get(acme.body.id)?.["name"], "Acme Inc");
  const warning = (await k.audit(run.runId)).find((entry) => entry.action === "match_not_unique");
  assert.equal(warning?.level, "warn");
  assert.match(JSON.stringify(warning?.details), /external_id/);
  assert.ok(k.client().stats().calls.search >= 1);
});
