import assert from "node:assert/strict";
import { test } from "node:test";
import { seedPortal } from "../../src/emulator/seed/seed-portal.ts";
import type { StoredRecord } from "../../src/store/index.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator, storeRows } from "./support/mirror-compare.ts";
import { isSearchOf } from "./support/request-log.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 3: a bug makes every incremental run re-read everything. A second run with no
// change in HubSpot makes at most one search call per stream and writes nothing.

const TYPES = ["contacts", "companies", "deals", "tickets"] as const;
const STREAMS = `contacts: { strategy: incremental, associations: [companies] }
companies: { strategy: incremental }
deals: { strategy: incremental, associations: [contacts, companies] }
tickets: { strategy: incremental }`;

type Snapshot = Record<string, StoredRecord[]>;

for (const driver of drivers) {
  test(`pitfall 3: runs with no change in HubSpot make at most one search per stream and write nothing [${driver}]`, async (t) => {
    const h = await inboundHarness(t, { driver, streams: STREAMS, clientLimits: { searchPageSize: 50, listPageSize: 50 } });
    seedPortal(h.portal, { seed: 3, counts: { owners: 3, companies: 40, contacts: 160, deals: 60, tickets: 30, products: 0, engagements: 0, gifts: 0 } });

    const first = await h.run();
    for (const type of TYPES) {
      await assertMirrorsEmulator(h.store, h.portalId, h.portal, type);
      assert.ok(streamOf(first, type).written > 0, `${type}: the first run wrote the backfill`);
    }
    const snapshot = async (): Promise<Snapshot> => {
      const all: Snapshot = {};
      for (const type of TYPES) all[type] = [...(await storeRows(h.store, h.portalId, type, true)).values()];
      return all;
    };
    const associations = async (): Promise<unknown> => [
      await h.store.associations(h.portalId, { fromType: "contacts" }),
      await h.store.associations(h.portalId, { fromType: "deals" }),
    ];
    const before = await snapshot();
    const associationsBefore = await associations();
    assert.ok(JSON.stringify(associationsBefore).length > 1_000, "scene: associations are mirrored");

    // An hour later (the default schedule), then again at once.
    for (const gapMs of [3_600_000, 0]) {
      h.emulator.control.clock.advance(gapMs);
      const mark = h.requests.mark();
      const summary = await h.run();
      const requests = h.requests.since(mark);
      for (const type of TYPES) {
        const stream = streamOf(summary, type);
        assert.deepEqual(
          { written: stream.written, deleted: stream.deleted, merged: stream.merged, associationsChanged: stream.associationsChanged, columnsAdded: stream.columnsAdded },
          { written: 0, deleted: 0, merged: 0, associationsChanged: 0, columnsAdded: 0 },
          `${type}: nothing to write after ${gapMs} ms`,
        );
        const searches = requests.filter(isSearchOf(type)).length;
        assert.ok(searches <= 1, `${type}: ${searches} search calls (at most 1)`);
      }
      // Not one row touched: same values, same synced_at, same last_seen_run.
      assert.deepEqual(await snapshot(), before, "no stored row changed");
      assert.deepEqual(await associations(), associationsBefore, "no stored association changed");
    }
  });
}
