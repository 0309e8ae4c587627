import assert from "node:assert/strict";
import { test } from "node:test";
import { callApiOk, createRecords, updateRecords } from "./support/emulator-data.ts";
import { inboundHarness } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 1: incremental syncs silently miss records — search index lag, a cursor written
// before its data, records sharing one timestamp on a page boundary. The incremental mirror
// must equal a full refresh, id for id.

const LAG_MS = 30_000;
const PAGE = 20;

for (const driver of drivers) {
  test(`pitfall 1: with index lag and hundreds of records sharing one timestamp across page boundaries, the incremental mirror equals a full refresh id for id [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental }",
      // Pages of 20 put every shared instant across many page boundaries.
      clientLimits: { searchPageSize: PAGE, listPageSize: PAGE },
    });
    const { portal, emulator } = h;
    const start = h.clock.now();

    // 300 contacts created at two instants only: 150 share each timestamp.
    const ids = [
      ...createRecords(portal, "contacts", 150, (i) => ({ email: `a${i}@example.com`, firstname: `A${i}` }), { at: () => start - 60_000 }),
      ...createRecords(portal, "contacts", 150, (i) => ({ email: `b${i}@example.com`, firstname: `B${i}` }), { at: () => start - 30_000 }),
    ];
    await h.run();
    await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");

    // Search now sees writes only 30 s after they happen. At one frozen instant T1, 120
    // contacts change (spanning both earlier instants) and 30 are created.
    emulator.control.setIndexLag(LAG_MS);
    emulator.control.clock.advance(1_000);
    const t1 = h.clock.now();
    const changedAtT1 = ids.slice(90, 210);
    updateRecords(portal, "contacts", changedAtT1, (_id, i) => ({ firstname: `T1-${i}` }), t1);
    const createdAtT1 = createRecords(portal, "contacts", 30, (i) => ({ email: `c${i}@example.com`, firstname: `C${i}` }));
    const hidden = await callApiOk<{ total: number }>(emulator, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [{ filters: [{ propertyName: "firstname", operator: "EQ", value: "T1-0" }] }],
      limit: 1,
    });
    assert.equal(hidden.total, 0, "scene: the changes at T1 are not searchable yet");

    // An incremental run before the lag passes: it must not move its cursor past what it could not see.
    await h.run();
    assert.ok(h.clock.now() < t1 + LAG_MS, "scene: the run ended before the lag passed");

    // The lag varies: a later change (T2) is searchable at once while T1's are still hidden,
    // so a run now sees T2 and its cursor passes T1 — the classic way records go missing.
    emulator.control.setIndexLag(0);
    emulator.control.clock.advance(2_000);
    const changedAtT2 = ids.slice(250, 260);
    updateRecords(portal, "contacts", changedAtT2, (_id, i) => ({ firstname: `T2-${i}` }));
    await h.run();
    const afterT2 = await storeRows(h.store, h.portalId, "contacts");
    assert.deepEqual(changedAtT2.map((id) => afterT2.get(id)?.properties["firstname"]), changedAtT2.map((_id, i) => `T2-${i}`), "the T2 changes are mirrored");

    // The lag passes; the next incremental run must bring every T1 change and creation.
    if (h.clock.now() <= t1 + LAG_MS) emulator.control.clock.set(t1 + LAG_MS + 1);
    await h.run();
    const rows = await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    assert.equal(rows.size, 330);
    assert.deepEqual(changedAtT1.map((id) => rows.get(id)?.properties["firstname"]), changedAtT1.map((_id, i) => `T1-${i}`));
    assert.ok(createdAtT1.every((id) => rows.has(id)), "every contact created at T1 is mirrored");

    await h.assertEqualsFullRefresh(["contacts"]);
  });
}
