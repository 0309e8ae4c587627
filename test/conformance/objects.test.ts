import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createMachineSchema } from "./machine-schema.ts";
import { runningEmulator, sdkError, suiteEmulator, type RunningEmulator } from "./running-emulator.ts";

describe("conformance: CRM objects through the SDK's basicApi", () => {
  const hub = suiteEmulator();

  test("contacts: create, getById, update, archive; every property value is a string", async () => {
    const contacts = hub.client.crm.contacts.basicApi;
    const created = await contacts.create({ properties: { email: "ada@example.com", firstname: "Ada", lastname: "Lovelace" }, associations: [] });
    assert.match(created.id, /^\d+$/);
    assert.equal(created.properties["email"], "ada@example.com");
    assert.equal(created.properties["hs_object_id"], created.id);
    assert.ok(created.createdAt instanceof Date && !Number.isNaN(created.createdAt.getTime()));
    assert.equal(created.archived, false);
    for (const [name, value] of Object.entries(created.properties)) assert.ok(value === null || typeof value === "string", `${name} is ${typeof value}`);

    const read = await contacts.getById(created.id, ["email", "firstname", "lastmodifieddate"]);
    assert.equal(read.id, created.id);
    assert.equal(read.properties["firstname"], "Ada");
    assert.equal(typeof read.properties["lastmodifieddate"], "string");

    const updated = await contacts.update(created.id, { properties: { firstname: "Augusta" } });
    assert.equal(updated.properties["firstname"], "Augusta");
    assert.ok(updated.updatedAt.getTime() >= created.updatedAt.getTime());
    assert.equal((await contacts.getById(created.id, ["firstname"])).properties["firstname"], "Augusta");

    // Read by a unique property instead of the id.
    const byEmail = await contacts.getById("ada@example.com", ["firstname"], undefined, undefined, false, "email");
    assert.equal(byEmail.id, created.id);

    await contacts.archive(created.id);
    const gone = await sdkError(() => contacts.getById(created.id));
    assert.equal(gone.code, 404);
    assert.equal(gone.body.category, "OBJECT_NOT_FOUND");
    assert.equal(gone.headers["content-type"]?.split(";")[0], "application/json");
    assert.equal(gone.body.status, "error");
    assert.match(String(gone.body["correlationId"]), /^[0-9a-f-]{36}$/);
    const archived = await contacts.getById(created.id, undefined, undefined, undefined, true);
    assert.equal(archived.archived, true);
  });

  test("companies: numbers go in and come back as strings", async () => {
    const companies = hub.client.crm.companies.basicApi;
    const created = await companies.create({ properties: { name: "Analytical Engines", domain: "engines.example", numberofemployees: "25" }, associations: [] });
    const read = await companies.getById(created.id, ["name", "numberofemployees", "hs_lastmodifieddate"]);
    assert.equal(read.properties["numberofemployees"], "25");
    assert.equal(typeof read.properties["hs_lastmodifieddate"], "string");
    const updated = await companies.update(created.id, { properties: { numberofemployees: "26" } });
    assert.equal(updated.properties["numberofemployees"], "26");
    await companies.archive(created.id);
    assert.equal((await sdkError(() => companies.getById(created.id))).code, 404);
  });

  test("deals: pipeline and stage are validated enumerations", async () => {
    const deals = hub.client.crm.deals.basicApi;
    const created = await deals.create({ properties: { dealname: "Big one", amount: "1500.50", pipeline: "default", dealstage: "appointmentscheduled" }, associations: [] });
    assert.equal(created.properties["amount"], "1500.50");
    assert.equal(created.properties["dealstage"], "appointmentscheduled");
    const updated = await deals.update(created.id, { properties: { dealstage: "closedwon" } });
    assert.equal(updated.properties["dealstage"], "closedwon");
    const bad = await sdkError(() => deals.update(created.id, { properties: { dealstage: "no-such-stage" } }));
    assert.equal(bad.code, 400);
    assert.equal(bad.body.category, "VALIDATION_ERROR");
    assert.match(String(bad.body.message), /dealstage/);
    await deals.archive(created.id);
    assert.equal((await sdkError(() => deals.getById(created.id))).code, 404);
  });

  test("propertiesWithHistory alone still returns the default properties beside the history", async () => {
    const contacts = hub.client.crm.contacts.basicApi;
    const created = await contacts.create({ properties: { email: "history@example.com", firstname: "Ada", phone: "+44 20 1234" }, associations: [] });
    await contacts.update(created.id, { properties: { firstname: "Augusta" } });
    const read = await contacts.getById(created.id, undefined, ["firstname"]);
    assert.equal(read.properties["email"], "history@example.com");
    assert.equal(read.properties["firstname"], "Augusta");
    assert.equal(read.properties["phone"], undefined, "the defaults, not every property");
    assert.deepEqual(read.propertiesWithHistory?.["firstname"]?.map((h) => h.value), ["Augusta", "Ada"]);
  });

  test("a custom object: records by objectTypeId and by fully qualified name", async () => {
    const schema = await createMachineSchema(hub.client);
    assert.match(schema.objectTypeId ?? "", /^2-\d+$/);
    const objects = hub.client.crm.objects.basicApi;
    const created = await objects.create(schema.objectTypeId!, { properties: { serial: "M-1", weight: "12.5" }, associations: [] });
    assert.equal(created.properties["serial"], "M-1");
    const read = await objects.getById(schema.fullyQualifiedName!, created.id, ["serial", "weight"]);
    assert.equal(read.properties["weight"], "12.5");
    const updated = await objects.update(schema.objectTypeId!, created.id, { properties: { weight: "13" } });
    assert.equal(updated.properties["weight"], "13");
    const missingRequired = await sdkError(() => objects.create(schema.objectTypeId!, { properties: { weight: "1" }, associations: [] }));
    assert.equal(missingRequired.code, 400);
    await objects.archive(schema.objectTypeId!, created.id);
    assert.equal((await sdkError(() => objects.getById(schema.objectTypeId!, created.id))).code, 404);
  });
});

describe("conformance: paging 1,000+ records", () => {
  const total = 1_050;
  let hub: RunningEmulator;
  before(async () => {
    hub = await runningEmulator();
    for (let start = 0; start < total; start += 100) {
      const inputs = Array.from({ length: Math.min(100, total - start) }, (_, i) => ({ properties: { email: `p${start + i}@paging.example`, firstname: `P${start + i}` }, associations: [] }));
      const answer = await hub.client.crm.contacts.batchApi.create({ inputs });
      assert.equal(answer.results.length, inputs.length);
    }
  });
  after(() => hub.close());

  test("getPage following paging.next.after reaches every record once; the last page has no paging", async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await hub.client.crm.contacts.basicApi.getPage(100, after, ["email"]);
      pages += 1;
      for (const record of page.results) {
        assert.ok(!seen.has(record.id), `record ${record.id} seen twice`);
        seen.add(record.id);
      }
      after = page.paging?.next?.after;
      if (after !== undefined) assert.equal(page.results.length, 100);
      else assert.equal(page.paging, undefined);
    } while (after !== undefined);
    assert.equal(seen.size, total);
    assert.equal(pages, Math.ceil(total / 100));
  });

  test("the default page is 10 records and `limit` above 100 is capped", async () => {
    const first = await hub.client.crm.contacts.basicApi.getPage();
    assert.equal(first.results.length, 10);
    assert.ok(first.paging?.next?.after);
    const big = await hub.client.crm.contacts.basicApi.getPage(500);
    assert.ok(big.results.length <= 100, `a page of ${big.results.length}`);
  });

  test("`after` is an opaque cursor, not an offset: one the emulator did not hand out is a 400", async () => {
    const first = await hub.client.crm.contacts.basicApi.getPage(10);
    const after = first.paging?.next?.after ?? "";
    assert.notEqual(after, "10", "a list cursor is not the count of records read");
    const second = await hub.client.crm.contacts.basicApi.getPage(10, after);
    assert.equal(new Set([...first.results, ...second.results].map((r) => r.id)).size, 20);
    const forged = await sdkError(() => hub.client.crm.contacts.basicApi.getPage(10, "10"));
    assert.equal(forged.code, 400);
    assert.equal(forged.body.category, "VALIDATION_ERROR");
  });

  test("the SDK's getAll() walks every page", async () => {
    const all = await hub.client.crm.contacts.getAll(undefined, undefined, ["email"]);
    assert.equal(all.length, total);
    assert.equal(new Set(all.map((r) => r.properties["email"])).size, total);
  });

  test("archived=true lists only archived records", async () => {
    const page = await hub.client.crm.contacts.basicApi.getPage(5);
    const victim = page.results[0]!.id;
    await hub.client.crm.contacts.basicApi.archive(victim);
    const archived = await hub.client.crm.contacts.basicApi.getPage(100, undefined, undefined, undefined, undefined, true);
    assert.deepEqual(archived.results.map((r) => r.id), [victim]);
    assert.equal(archived.results[0]!.archived, true);
  });
});
