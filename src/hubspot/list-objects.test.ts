import assert from "node:assert/strict";
import { test } from "node:test";
import { drain, emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

const routeCalls = (kit: ReturnType<typeof emulatorClient>, route: string): number => kit.emulator.control.stats.snapshot().byRoute[route]?.total ?? 0;

test("listObjects pages to the end, including an exact multiple of the page size", async () => {
  const kit = emulatorClient();
  const ids = await createRecords(kit, "contacts", 30, (i) => ({ email: `p${i}@example.com` }));
  kit.emulator.control.stats.reset();
  const { items, pages } = await drain(kit.client.listObjects("contacts", { properties: ["email"], pageSize: 10 }));
  assert.deepEqual(items.map((r) => r.id), ids);
  assert.equal(pages, 3);
  assert.equal(routeCalls(kit, "GET /crm/v3/objects/:type"), 3, "no extra call after the last full page");
  assert.equal(items[29]?.properties["email"], "p29@example.com");
  assert.equal(kit.client.stats().calls.list, 3);
});

test("listObjects keeps going after a page shorter than asked for: it stops only when paging.next is missing", async () => {
  // HubSpot clamps `limit` silently; here to 7, so every page is shorter than the 10 asked for.
  const kit = emulatorClient({ limits: { listPageMax: 7 } });
  const ids = await createRecords(kit, "companies", 23, (i) => ({ name: `Co ${i}` }));
  const { items, pages } = await drain(kit.client.listObjects("companies", { properties: ["name"], pageSize: 10 }));
  assert.deepEqual(items.map((r) => r.id), ids);
  assert.equal(pages, 4);
});

test("listObjects with archived lists only archived records; without it only live ones", async () => {
  const kit = emulatorClient();
  const ids = await createRecords(kit, "deals", 20, (i) => ({ dealname: `Deal ${i}` }));
  const archived = ids.filter((_, i) => i % 4 === 0);
  for (const id of archived) assert.equal((await kit.api("DELETE", `/crm/v3/objects/deals/${id}`)).status, 204);
  const gone = await drain(kit.client.listObjects("deals", { archived: true, properties: ["dealname"], pageSize: 2 }));
  assert.deepEqual(gone.items.map((r) => r.id), archived);
  assert.ok(gone.items.every((r) => r.archived && r.archivedAt !== undefined));
  const live = await drain(kit.client.listObjects("deals", { properties: ["dealname"], pageSize: 100 }));
  assert.deepEqual(live.items.map((r) => r.id), ids.filter((id) => !archived.includes(id)));
});

test("listObjects with 1,000 custom properties: every value of every record arrives, no URL is too long", async () => {
  const kit = emulatorClient();
  const names = Array.from({ length: 1_000 }, (_, p) => `custom_field_with_a_longish_name_${String(p).padStart(4, "0")}`);
  for (let start = 0; start < names.length; start += 100) {
    const inputs = names.slice(start, start + 100).map((name) => ({ name, label: name, type: "string", fieldType: "text", groupName: "contactinformation" }));
    assert.equal((await kit.api("POST", "/crm/v3/properties/contacts/batch/create", { inputs })).status, 201);
  }
  const value = (i: number, p: number): string => `v${i}-${p}`;
  const ids = await createRecords(kit, "contacts", 120, (i) => Object.fromEntries([["email", `w${i}@example.com`], ...names.map((name, p) => [name, value(i, p)])]));
  kit.emulator.control.stats.reset();

  const { items } = await drain(kit.client.listObjects("contacts", { properties: ["email", ...names] }));
  assert.deepEqual(items.map((r) => r.id), ids);
  items.forEach((record, i) => {
    assert.equal(Object.keys(record.properties).filter((n) => n.startsWith("custom_field")).length, 1_000, `record ${i}`);
    names.forEach((name, p) => assert.equal(record.properties[name], value(i, p)));
    assert.equal(record.properties["email"], `w${i}@example.com`);
  });
  const stats = kit.emulator.control.stats.snapshot();
  assert.equal(stats.byStatus["414"], undefined);
  // Two pages, each a GET with the first chunk plus one batch read for the rest.
  assert.equal(routeCalls(kit, "GET /crm/v3/objects/:type"), 2);
  assert.equal(routeCalls(kit, "POST /crm/v3/objects/:type/batch/read"), 2);
});

test("listObjects with propertiesWithHistory uses HubSpot's smaller page and returns the history", async () => {
  const kit = emulatorClient();
  const ids = await createRecords(kit, "contacts", 60, (i) => ({ email: `h${i}@example.com`, firstname: "Ann" }));
  assert.equal((await kit.api("PATCH", `/crm/v3/objects/contacts/${ids[0]}`, { properties: { firstname: "Bea" } })).status, 200);
  const { items, pages } = await drain(kit.client.listObjects("contacts", { properties: ["email"], propertiesWithHistory: ["firstname"] }));
  assert.equal(items.length, 60);
  assert.equal(pages, 2, "50 a page with history");
  assert.deepEqual(items[0]?.propertiesWithHistory?.["firstname"]?.map((h) => h.value), ["Bea", "Ann"]);
});
