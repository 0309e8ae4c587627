import assert from "node:assert/strict";
import { syncId } from "../../core/ids.ts";
import type { OutboundProgress } from "./outbound-contract.ts";
import { callsDuring, forEachDriver, type OutboundKit } from "./test-support/outbound-kit.ts";

const contactsSync = `source: { table: customers }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }
fields:
  email: { column: email, transforms: [trim, lowercase] }
  firstname: first_name
associations:
  - { to: companies, column: company_domain, by: domain, removeMissing: true }`;

async function seedCustomers(kit: OutboundKit, rows: Array<[number, string, string, string | null]>): Promise<void> {
  await kit.sql("create table if not exists customers (id integer primary key, email text, first_name text, company_domain text)", "delete from customers");
  for (const [id, email, first, domain] of rows) {
    await kit.sql(`insert into customers values (${id}, '${email}', '${first}', ${domain === null ? "null" : `'${domain}'`})`);
  }
}

async function companies(kit: OutboundKit, domains: string[]): Promise<Map<string, string>> {
  const answer = await kit.api<{ results: Array<{ id: string; properties: { domain: string } }> }>("POST", "/crm/v3/objects/companies/batch/create", {
    inputs: domains.map((domain) => ({ properties: { domain, name: domain } })),
  });
  assert.equal(answer.status, 201);
  return new Map(answer.body.results.map((r) => [r.properties.domain, r.id]));
}

forEachDriver("upsert contacts by email with a company by domain; a second run makes no write; a changed row alone travels", async (kit) => {
  const k = await kit({ sync: contactsSync });
  const ids = await companies(k, ["acme.com", "globex.com"]);
  await seedCustomers(k, [
    [1, "Ann@Example.com ", "Ann", "acme.com"],
    [2, "bob@example.com", "Bob", "globex.com"],
    [3, "cy@example.com", "Cy", null],
  ]);

  const first = await k.run();
  assert.equal(first.rowsRead, 3);
  assert.equal(first.created, 3);
  assert.equal(first.failed, 0);
  assert.equal(first.associationsCreated, 2);
  const contacts = [...k.records("contacts").values()];
  assert.deepEqual(contacts.map((c) => c["email"]).sort(), ["ann@example.com", "bob@example.com", "cy@example.com"]);
  const rows = await k.rows();
  const ann = rows.get("1")?.hubspotId ?? "";
  assert.deepEqual([...k.associations("contacts", ann, "companies").keys()], [ids.get("acme.com")]);
  assert.equal(rows.get("1")?.status, "synced");
  assert.equal(rows.get("1")?.pendingHash, null);

  const second = await callsDuring(k, () => k.run());
  assert.equal(second.value.unchanged, 3);
  assert.equal(second.value.writeCalls, 0);
  assert.deepEqual(Object.keys(second.calls).filter((kind) => !["metadata", "token-info"].includes(kind)), []);

  await k.sql("update customers set first_name = 'Robert', company_domain = 'acme.com' where id = 2");
  const events: OutboundProgress[] = [];
  const third = await k.run({}, events);
  assert.equal(third.updated, 1);
  assert.equal(third.unchanged, 2);
  assert.equal(third.associationsCreated, 1);
  assert.equal(third.associationsRemoved, 1);
  const bob = rows.get("2")?.hubspotId ?? "";
  assert.equal(k.records("contacts").get(bob)?.["firstname"], "Robert");
  assert.deepEqual([...k.associations("contacts", bob, "companies").keys()], [ids.get("acme.com")]);
  assert.deepEqual(events.flatMap((e) => (e.kind === "batch" && e.phase === "records" ? [e.sent] : [])), [1]);
});

async function existingContact(kit: OutboundKit, email: string): Promise<string> {
  const answer = await kit.api<{ id: string }>("POST", "/crm/v3/objects/contacts", { properties: { email, firstname: "Already" } });
  assert.equal(answer.status, 201);
  return answer.body.id;
}

forEachDriver("a dry run plans creates, updates, associations and list adds, and writes nothing to HubSpot or the outbound state", async (kit) => {
  const k = await kit({ sync: `${contactsSync}\nlist: { name: Customers }` });
  await companies(k, ["acme.com"]);
  const bob = await existingContact(k, "bob@example.com");
  await seedCustomers(k, [
    [1, "ann@example.com", "Ann", "acme.com"],
    [2, "bob@example.com", "Bob", "acme.com"],
    [3, "cy@example.com", "Cy", null],
  ]);
  const before = k.records("contacts");
  const dry = await k.run({ dryRun: true });
  assert.equal(dry.dryRun, true);
  assert.equal(dry.writeCalls, 0);
  assert.deepEqual(
    { creates: dry.plan.creates, updates: dry.plan.updates, associations: dry.plan.associationsToCreate, listAdds: dry.plan.listAdds, archives: dry.plan.archives },
    { creates: 2, updates: 1, associations: 2, listAdds: 3, archives: 0 },
  );
  assert.ok(dry.plan.samples.some((s) => s.change === "update" && s.hubspotId === bob), JSON.stringify(dry.plan.samples));
  assert.ok(dry.plan.samples.some((s) => s.change === "list" && s.detail.includes('would create the static list "Customers"')));
  assert.deepEqual(k.records("contacts"), before);
  assert.equal((await k.rows()).size, 0);
  assert.equal(await k.store.outboundList(syncId("push"), k.portalId), undefined);
  const lists = await k.api<{ lists: unknown[] }>("POST", "/crm/v3/lists/search", { offset: 0 });
  assert.equal(lists.body.lists.length, 0);
  const plan = (await k.audit(dry.runId)).find((entry) => entry.action === "plan");
  assert.match(plan?.message ?? "", /would create 2, update 1/);

  // The real run does what the plan said.
  const real = await k.run();
  assert.deepEqual([real.created, real.updated, real.associationsCreated, real.listAdded], [2, 1, 2, 3]);
});

forEachDriver("mirror archives the records this sync created whose rows left the source, and only those", async (kit) => {
  const k = await kit({ sync: contactsSync.replace("mode: upsert", "mode: mirror") });
  const bob = await existingContact(k, "bob@example.com");
  await seedCustomers(k, [
    [1, "ann@example.com", "Ann", null],
    [2, "bob@example.com", "Bob", null],
    [3, "cy@example.com", "Cy", null],
  ]);
  const first = await k.run();
  assert.deepEqual([first.created, first.updated], [2, 1]);
  const rows = await k.rows();
  assert.equal(rows.get("2")?.createdBySync, false);
  assert.equal(rows.get("1")?.createdBySync, true);
  await k.sql("delete from customers where id in (1, 2)");
  const second = await k.run();
  assert.equal(second.archived, 1);
  const live = k.records("contacts");
  assert.ok(!live.has(rows.get("1")?.hubspotId ?? ""), "ann, created by the sync, is archived");
  assert.ok(live.has(bob), "bob, only matched, stays");
  assert.ok(live.has(rows.get("3")?.hubspotId ?? ""));
  assert.equal((await k.rows()).get("1")?.status, "archived");
  const third = await k.run();
  assert.equal(third.archived, 0);
  assert.equal(third.writeCalls, 0);
});

forEachDriver("a static list named after the sync keeps exactly the source's rows", async (kit) => {
  const k = await kit({ sync: `${contactsSync}\nlist: true` });
  await seedCustomers(k, [
    [1, "ann@example.com", "Ann", null],
    [2, "bob@example.com", "Bob", null],
  ]);
  const stranger = await existingContact(k, "stranger@example.com");
  const made = await k.api<{ list: { listId: string } }>("POST", "/crm/v3/lists/", { name: "push", objectTypeId: "0-1", processingType: "MANUAL" });
  await k.api("PUT", `/crm/v3/lists/${made.body.list.listId}/memberships/add`, [stranger]);
  const members = async (): Promise<string[]> => {
    const answer = await k.api<{ results: Array<{ recordId: string }> }>("GET", `/crm/v3/lists/${made.body.list.listId}/memberships`);
    return answer.body.results.map((r) => r.recordId).sort();
  };
  const first = await k.run();
  assert.equal(first.listAdded, 2);
  assert.equal(first.listRemoved, 1, "a member that is not a row of the source is removed");
  const rows = await k.rows();
  const ids = ["1", "2"].map((key) => rows.get(key)?.hubspotId ?? "").sort();
  assert.deepEqual(await members(), ids);
  const quiet = await k.run();
  assert.equal(quiet.writeCalls, 0);
  await k.sql("delete from customers where id = 1", "insert into customers values (4, 'dee@example.com', 'Dee', null)");
  const third = await k.run();
  assert.deepEqual([third.listAdded, third.listRemoved], [1, 1]);
  const after = await k.rows();
  assert.deepEqual(await members(), [after.get("2")?.hubspotId ?? "", after.get("4")?.hubspotId ?? ""].sort());
});

forEachDriver("rows HubSpot refuses are reported with HubSpot's message and the rest lands; invalid rows cost no call", async (kit) => {
  const k = await kit({ sync: contactsSync.replace("  firstname: first_name", "  firstname: first_name\n  hubspot_owner_id: owner\n  lifecyclestage: stage") });
  await k.sql("create table customers (id integer primary key, email text, first_name text, company_domain text, owner text, stage text)");
  const owner = k.portal.owners.list()[0]?.id ?? k.portal.owners.create({ email: "o@example.com", firstName: "O", lastName: "Wner" }).id;
  for (let i = 1; i <= 30; i++) {
    const badOwner = i % 10 === 0;
    await k.sql(`insert into customers values (${i}, 'p${i}@example.com', 'P${i}', null, '${badOwner ? "999999" : owner}', '${i === 7 ? "no-such-stage" : "lead"}')`);
  }
  const run = await k.run();
  assert.equal(run.rowsInvalid, 1);
  assert.equal(run.failed, 3);
  assert.equal(run.created, 26);
  assert.equal(k.records("contacts").size, 26);
  const audit = await k.audit(run.runId);
  const failed = audit.filter((entry) => entry.action === "write_failed");
  assert.deepEqual(failed.map((entry) => (entry.details as { rowKey: string }).rowKey).sort(), ["10", "20", "30"]);
  assert.match(failed[0]?.message ?? "", /property "hubspot_owner_id": 999999 was not one of the allowed options/);
  assert.equal((failed[0]?.details as { field: string }).field, "hubspot_owner_id");
  const invalid = audit.find((entry) => entry.action === "row_invalid");
  assert.match(invalid?.message ?? "", /row "7", property "lifecyclestage" \(column "stage"\)/);
  const rows = await k.rows();
  assert.equal(rows.get("10")?.status, "failed");
  assert.match(rows.get("10")?.error ?? "", /999999/);

  // Fixed rows travel next time; nothing else does.
  await k.sql(`update customers set owner = '${owner}' where id in (10, 20, 30)`, "update customers set stage = 'lead' where id = 7");
  const next = await k.run();
  assert.deepEqual([next.created, next.unchanged, next.failed], [4, 26, 0]);
});
