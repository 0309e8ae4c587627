import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords, updateRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// A run stopped mid-stream (Ctrl-C, a deploy, a crash between pages) must leave a state the
// next run continues from: no gaps, no record written twice, and the result equal to a full
// refresh. The cursor is committed with the page it covers, so what was written stays written.

const PAGE = 10;
const RECORDS = 200;

for (const driver of drivers) {
  for (const strategy of ["incremental", "full_refresh"] as const) {
    test(`resumability: a ${strategy} run aborted after 5 pages, then run again, mirrors everything with nothing written twice [${driver}]`, async (t) => {
      const h = await inboundHarness(t, {
        driver,
        streams: `contacts: { strategy: ${strategy} }`,
        clientLimits: { searchPageSize: PAGE, listPageSize: PAGE },
      });
      const { portal, emulator } = h;
      const before = h.clock.now() - 3_600_000;
      // Distinct instants a second apart, some shared by pairs.
      const ids = createRecords(portal, "contacts", RECORDS, (i) => ({ email: `r${i}@example.com`, firstname: `R${i}` }), { at: (i) => before + Math.floor(i / 2) * 1_000 });

      const controller = new AbortController();
      let pages = 0;
      const aborted = await h.attempt({
        signal: controller.signal,
        onProgress: (event) => {
          if (event.kind === "page" && event.stream === "contacts" && ++pages === 5) controller.abort(new Error("stopped by the test"));
        },
      });
      assert.ok(!aborted.ok || aborted.value.status !== "succeeded", "the aborted run does not report success");
      if (!aborted.ok) assert.equal(aborted.error.code, "SYNC_ABORTED");
      const kept = await h.store.countRows(h.portalId, "contacts");
      assert.ok(kept >= 5 * PAGE - PAGE && kept < RECORDS, `scene: the aborted run stored part of the stream (${kept} rows)`);

      // Meanwhile in HubSpot: records already read and records not yet read change.
      emulator.control.clock.advance(60_000);
      const changed = [ids[3]!, ids[10]!, ids[150]!, ids[199]!];
      updateRecords(portal, "contacts", changed, (_id, i) => ({ firstname: `After abort ${i}` }));
      emulator.control.clock.advance(60_000);

      const summary = await h.run();
      const contacts = streamOf(summary, "contacts");
      const rows = await storeRows(h.store, h.portalId, "contacts");
      // No gaps: every record is there, and the changes to records the aborted run had not reached arrived.
      const missing = ids.filter((id) => !rows.has(id));
      assert.deepEqual(missing, [], "every record is mirrored after the resumed run");
      const notYetRead = changed.filter((id) => ids.indexOf(id) >= kept);
      assert.deepEqual(
        notYetRead.map((id) => rows.get(id)?.properties["firstname"]),
        notYetRead.map((id) => `After abort ${changed.indexOf(id)}`),
        "changes to records the aborted run had not read yet are mirrored",
      );
      // Nothing twice: written again is only what the aborted run had not stored, and what changed since.
      const changedAndKept = changed.length - notYetRead.length;
      assert.ok(
        contacts.written <= RECORDS - kept + changedAndKept,
        `the second run wrote ${contacts.written} rows; ${RECORDS - kept} were missing and ${changedAndKept} stored ones changed`,
      );

      // A resumed pass is one pass begun before the changes to records it had already read:
      // like any pass, it leaves those to the next run, which must bring them.
      emulator.control.clock.advance(60_000);
      await h.run();
      await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
      await h.assertEqualsFullRefresh(["contacts"]);
    });
  }
}
