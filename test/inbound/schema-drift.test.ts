import assert from "node:assert/strict";
import { test } from "node:test";
import { callApiOk, createRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 15: property-type drift and new properties break or bloat the schema. A property
// added in HubSpot becomes a typed column at the next run, and nothing already mirrored is
// lost; a property retyped in HubSpot keeps its column and the raw value survives.

for (const driver of drivers) {
  test(`pitfall 15: a property added in HubSpot becomes a new typed column at the next run and nothing is lost; a retyped one breaks nothing [${driver}]`, async (t) => {
    const h = await inboundHarness(t, { driver, streams: "contacts: { strategy: incremental }", clientLimits: { searchPageSize: 50 } });
    const { portal, emulator } = h;
    const before = h.clock.now() - 600_000;
    const ids = createRecords(portal, "contacts", 120, (i) => ({ email: `d${i}@example.com`, firstname: `D${i}`, city: `City ${i % 7}` }), { at: (i) => before + i });
    const first = await h.run();
    assert.equal(streamOf(first, "contacts").written, 120);
    const columnsBefore = (await h.store.objectTable("contacts"))?.columns.map((c) => c.property) ?? [];
    assert.ok(!columnsBefore.includes("loyalty_points"));
    const rowsBefore = await storeRows(h.store, h.portalId, "contacts");

    // New in HubSpot: two properties, set on 10 contacts.
    emulator.control.clock.advance(600_000);
    for (const property of [
      { name: "loyalty_points", label: "Loyalty points", type: "number", fieldType: "number", groupName: "contactinformation" },
      { name: "favourite_colour", label: "Favourite colour", type: "string", fieldType: "text", groupName: "contactinformation" },
    ]) {
      await callApiOk(emulator, "POST", "/crm/v3/properties/contacts", property);
    }
    const touched = ids.slice(30, 40);
    await callApiOk(emulator, "POST", "/crm/v3/objects/contacts/batch/update", {
      inputs: touched.map((id, i) => ({ id, properties: { loyalty_points: String(100 + i), favourite_colour: i % 2 === 0 ? "teal" : "amber" } })),
    });
    emulator.control.clock.advance(60_000);

    const second = await h.run();
    assert.equal(streamOf(second, "contacts").columnsAdded, 2);
    const table = await h.store.objectTable("contacts");
    assert.ok(table !== undefined);
    const column = (name: string) => table.columns.find((c) => c.property === name);
    assert.equal(column("loyalty_points")?.kind, "double");
    assert.equal(column("favourite_colour")?.kind, "text");
    for (const name of columnsBefore) assert.ok(column(name) !== undefined, `column ${name} is still there`);

    const rows = await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    assert.equal(rows.size, 120);
    touched.forEach((id, i) => {
      assert.equal(rows.get(id)?.values["loyalty_points"], 100 + i);
      assert.equal(rows.get(id)?.values["favourite_colour"], i % 2 === 0 ? "teal" : "amber");
    });
    // Nothing lost: every record and every value mirrored before is still there.
    for (const [id, row] of rowsBefore) {
      const now = rows.get(id);
      assert.ok(now !== undefined, `${id} is still mirrored`);
      for (const name of columnsBefore) {
        if (!touched.includes(id)) assert.deepEqual(now.values[name], row.values[name], `${id}.${name} kept`);
      }
    }

    // Drift: loyalty_points becomes a string property and takes a value no number column holds.
    emulator.control.clock.advance(60_000);
    await callApiOk(emulator, "PATCH", "/crm/v3/properties/contacts/loyalty_points", { type: "string", fieldType: "text" });
    const gold = ids[50]!;
    await callApiOk(emulator, "PATCH", `/crm/v3/objects/contacts/${gold}`, { properties: { loyalty_points: "gold tier" } });
    emulator.control.clock.advance(60_000);
    const third = await h.run();
    assert.equal(streamOf(third, "contacts").written, 1);
    const goldRow = await h.store.getRecord(h.portalId, "contacts", gold);
    assert.equal(goldRow?.properties["loyalty_points"], "gold tier", "the raw value is kept");
    assert.equal(goldRow?.values["loyalty_points"], null, "the number column holds no text");
    assert.equal((await h.store.objectTable("contacts"))?.columns.find((c) => c.property === "loyalty_points")?.kind, "double", "the column keeps its type");
    await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
  });
}
