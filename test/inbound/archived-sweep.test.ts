import assert from "node:assert/strict";
import { test } from "node:test";
import { callApi, callApiOk, createRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 6: deletes and archives never reach the destination. Archive 50 records → the next
// run marks exactly those 50 (kept, not dropped), whatever the stream's strategy.

for (const driver of drivers) {
  test(`pitfall 6: archiving 50 contacts (incremental) and 7 companies (full refresh) marks exactly those, once, and keeps the rows [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental }\ncompanies: { strategy: full_refresh }",
      // Pages of 20: the archived listing spans several pages.
      clientLimits: { listPageSize: 20, searchPageSize: 20 },
    });
    const { portal, emulator } = h;
    const before = h.clock.now() - 600_000;
    const contacts = createRecords(portal, "contacts", 250, (i) => ({ email: `x${i}@example.com` }), { at: (i) => before + i * 100 });
    const companies = createRecords(portal, "companies", 60, (i) => ({ name: `Co ${i}` }), { at: (i) => before + i * 100 });
    await h.run();
    assert.equal(await h.store.countRows(h.portalId, "contacts"), 250);

    emulator.control.clock.advance(60_000);
    // 40 contacts archived in batches, 10 one by one, spread over the id range.
    const archivedContacts = contacts.filter((_id, i) => i % 5 === 2);
    assert.equal(archivedContacts.length, 50);
    await callApiOk(emulator, "POST", "/crm/v3/objects/contacts/batch/archive", { inputs: archivedContacts.slice(0, 40).map((id) => ({ id })) });
    for (const id of archivedContacts.slice(40)) assert.equal((await callApi(emulator, "DELETE", `/crm/v3/objects/contacts/${id}`)).status, 204);
    const archivedCompanies = companies.filter((_id, i) => i % 9 === 4);
    assert.equal(archivedCompanies.length, 7);
    await callApiOk(emulator, "POST", "/crm/v3/objects/companies/batch/archive", { inputs: archivedCompanies.map((id) => ({ id })) });
    emulator.control.clock.advance(60_000);

    const expectations = [
      { type: "contacts", total: 250, archived: archivedContacts },
      { type: "companies", total: 60, archived: archivedCompanies },
    ];
    const second = await h.run();
    for (const { type, total, archived } of expectations) {
      assert.equal(streamOf(second, type).deleted, archived.length, `${type}: newly marked deleted`);
      const rows = await storeRows(h.store, h.portalId, type, true);
      assert.equal(rows.size, total, `${type}: every row kept, none dropped`);
      const marked = [...rows.values()].filter((r) => r.deletedAt !== null).map((r) => r.id as string);
      assert.deepEqual(marked.sort(), [...archived].sort(), `${type}: exactly the archived records are marked`);
      for (const id of archived) {
        const row = rows.get(id);
        assert.equal(row?.archived, true, `${type} ${id} is marked archived`);
      }
      await assertMirrorsEmulator(h.store, h.portalId, portal, type);
    }

    // A further run marks nothing new and keeps the marks.
    emulator.control.clock.advance(60_000);
    const third = await h.run();
    for (const { type, archived } of expectations) {
      assert.equal(streamOf(third, type).deleted, 0, `${type}: nothing newly deleted`);
      const marked = [...(await storeRows(h.store, h.portalId, type, true)).values()].filter((r) => r.deletedAt !== null);
      assert.equal(marked.length, archived.length);
    }
  });
}
