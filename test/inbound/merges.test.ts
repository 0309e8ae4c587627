import assert from "node:assert/strict";
import { test } from "node:test";
import { associate, callApiOk, createRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertAssociationsMirror, assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 7: merged records linger or lose their associations. HubSpot's merge may give the
// survivor a new id (the emulator always does), listing the old ids in hs_merged_object_ids.

for (const driver of drivers) {
  test(`pitfall 7: after a merge one row survives, the merged ids point at it, and associations move to it [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental, associations: [companies] }\ncompanies: { strategy: incremental, associations: [contacts] }",
    });
    const { portal, emulator } = h;
    const before = h.clock.now() - 600_000;
    const [c1, c2, c3] = createRecords(portal, "companies", 3, (i) => ({ name: `Co ${i}` }), { at: () => before }) as [string, string, string];
    const [a, b, ...others] = createRecords(portal, "contacts", 22, (i) => ({ email: `m${i}@example.com`, firstname: `M${i}` }), { at: (i) => before + i });
    assert.ok(a !== undefined && b !== undefined);
    associate(portal, "contacts", a, "companies", c1);
    associate(portal, "contacts", b, "companies", c2);
    associate(portal, "contacts", b, "companies", c3);
    associate(portal, "contacts", others[0]!, "companies", c3);
    await h.run();

    emulator.control.clock.advance(60_000);
    const survivor = await callApiOk<{ id: string; properties: Record<string, string> }>(emulator, "POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: a, objectIdToMerge: b });
    const s = survivor.id;
    const retired = [a, b].filter((id) => id !== s);
    emulator.control.clock.advance(60_000);

    const summary = await h.run();
    assert.equal(streamOf(summary, "contacts").merged, retired.length, "rows newly marked merged");

    // One live row for the pair: the survivor, equal to HubSpot's.
    const live = await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    assert.equal(live.size, 21);
    const survivorRow = live.get(s);
    assert.ok(survivorRow !== undefined, "the survivor is mirrored");
    assert.deepEqual(new Set(survivorRow.properties["hs_merged_object_ids"]?.split(";")), new Set([a, b]));
    const all = await storeRows(h.store, h.portalId, "contacts", true);
    for (const id of retired) {
      const row = all.get(id);
      assert.ok(row !== undefined, `${id}'s row is kept`);
      assert.equal(row.mergedInto, s, `${id} is marked merged into ${s}`);
      assert.notEqual(row.deletedAt, null, `${id} is no longer live`);
      assert.equal(await h.store.survivorOf(h.portalId, "contacts", id), s);
    }

    // Associations: the survivor has both contacts' companies; the retired ids have none.
    const targets = async (id: string) => (await h.store.associations(h.portalId, { fromType: "contacts", fromId: id, toType: "companies" })).map((x) => x.toId as string);
    assert.deepEqual(new Set(await targets(s)), new Set([c1, c2, c3]));
    for (const id of retired) assert.deepEqual(await targets(id), [], `${id} keeps no associations`);
    const pointingAt = async (company: string) =>
      (await h.store.associations(h.portalId, { fromType: "companies", fromId: company, toType: "contacts" })).map((x) => x.toId as string).sort();
    assert.deepEqual(await pointingAt(c2), [s], "the company side points at the survivor");
    assert.deepEqual(await pointingAt(c3), [others[0]!, s].sort());
    await assertAssociationsMirror(h.store, h.portalId, emulator, portal, "contacts", "companies");
    await assertAssociationsMirror(h.store, h.portalId, emulator, portal, "companies", "contacts");

    await h.assertEqualsFullRefresh(["contacts", "companies"], [["contacts", "companies"], ["companies", "contacts"]]);
  });
}
