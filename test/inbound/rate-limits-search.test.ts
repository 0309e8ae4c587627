import assert from "node:assert/strict";
import { test } from "node:test";
import { seedPortal } from "../../src/emulator/seed/seed-portal.ts";
import { emulatorLiveRecords, updateRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator } from "./support/mirror-compare.ts";
import { isSearchOf } from "./support/request-log.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 9, search side: HubSpot's CRM search has its own budget — 5 calls a second, and no
// header reports it. An incremental run whose changes take more searches than one second
// allows must pace itself: searches at (or near) the floor, < 1% of calls answered 429.
for (const driver of drivers) {
  test(`pitfall 9: an incremental run of 1,200 changes keeps to the search budget (5 a second): searches near the floor, < 1% answered 429 [${driver}]`, async (t) => {
    const SEARCH_PAGE = 200;
    const CHANGED = 1_200;
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: incremental }",
      tier: "professional",
      emulator: { rateLimits: true, tier: "professional" },
      clientLimits: { searchPageSize: SEARCH_PAGE },
    });
    const { portal, emulator } = h;
    seedPortal(portal, { seed: 9, counts: { owners: 3, companies: 0, contacts: 1_500, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
    await h.run();

    // An hour on, 1,200 contacts changed, each at its own instant: six pages of search, more
    // than the search budget allows in one second.
    emulator.control.clock.advance(3_600_000);
    const ids = [...emulatorLiveRecords(portal, "contacts").keys()].slice(0, CHANGED);
    const base = h.clock.now() - 100_000;
    updateRecords(portal, "contacts", ids, (_id, i) => ({ firstname: `Changed ${i}` }), (i) => base + i * 10);
    emulator.control.stats.reset();
    const mark = h.requests.mark();
    const summary = await h.run();
    const requests = h.requests.since(mark);
    const stats = emulator.control.stats.snapshot();

    assert.equal(streamOf(summary, "contacts").written, CHANGED);
    await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    const searches = requests.filter(isSearchOf("contacts")).length;
    const floor = Math.ceil(CHANGED / SEARCH_PAGE);
    // One more: each page's last instant is read again by the next query, in case it goes on.
    assert.ok(searches >= floor && searches <= 1.02 * floor + 1, `${searches} searches; the floor is ${floor}`);
    assert.ok(stats.rateLimited < 0.01 * stats.total, `${stats.rateLimited} of ${stats.total} calls answered 429`);
    t.diagnostic(`searches: ${searches} (floor ${floor}); 429s: ${stats.rateLimited} of ${stats.total}; waits: ${summary.rateLimitWaits} (${summary.rateLimitWaitMs} ms)`);
  });
}
