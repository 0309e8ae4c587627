import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords, updateRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator } from "./support/mirror-compare.ts";
import { isSearchOf } from "./support/request-log.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 2: one search reaches at most 10,000 results; past that HubSpot answers 400 (or a
// connector silently stops). The cap and the page are shrunk to 50 and 20 on both sides, so
// 350 changes since the cursor are seven times the cap — as 70,000 would be in HubSpot.

const CAP = 50;
const PAGE = 20;

for (const driver of drivers) {
  test(`pitfall 2: changes past the search result cap all arrive, none twice, and no search is refused [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental }",
      emulator: { limits: { searchResultCap: CAP, searchPageMax: PAGE } },
      clientLimits: { searchResultCap: CAP, searchPageSize: PAGE, listPageSize: PAGE },
    });
    const { portal, emulator } = h;
    const start = h.clock.now();
    // The backfill alone is eight times the cap: 400 contacts a second apart.
    const ids = createRecords(portal, "contacts", 400, (i) => ({ email: `c${i}@example.com`, firstname: `F${i}` }), { at: (i) => start - 3_600_000 + i * 1_000 });
    await h.run();
    await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");

    // An hour on, 350 contacts have changed: seven at each of 50 instants, so instants straddle pages.
    emulator.control.clock.advance(3_600_000);
    const base = h.clock.now() - 60_000;
    const changed = ids.slice(25, 375);
    updateRecords(portal, "contacts", changed, (_id, i) => ({ firstname: `changed-${i}` }), (i) => base + Math.floor(i / 7) * 1_000);

    const mark = h.requests.mark();
    const summary = await h.run();
    const contacts = streamOf(summary, "contacts");
    const requests = h.requests.since(mark);

    const rows = await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    assert.equal(rows.size, 400);
    assert.deepEqual(changed.map((id) => rows.get(id)?.properties["firstname"]), changed.map((_id, i) => `changed-${i}`), "all 350 changes arrived");
    // Each changed record written once; re-reads of unchanged ones (overlap) are not written.
    assert.equal(contacts.written, 350, "written: each changed record exactly once");
    assert.ok(contacts.fetched >= 350, `fetched ${contacts.fetched}`);
    const searches = requests.filter(isSearchOf("contacts"));
    assert.ok(searches.length >= Math.ceil(350 / PAGE), `${searches.length} searches: the changes came through search`);
    assert.deepEqual(requests.filter((r) => r.status === "error" || r.status >= 400).map((r) => `${r.method} ${r.path} → ${r.status}`), [], "no request refused (the cap answers 400)");

    await h.assertEqualsFullRefresh(["contacts"]);
  });
}
