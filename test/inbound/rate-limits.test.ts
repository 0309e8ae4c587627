import assert from "node:assert/strict";
import { test } from "node:test";
import { seedPortal } from "../../src/emulator/seed/seed-portal.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertAssociationsMirror, assertMirrorsEmulator } from "./support/mirror-compare.ts";
import { isArchivedListOf, isAssociationReadOf, isBatchReadOf, isListOf, isSearchOf, type LoggedRequest } from "./support/request-log.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 9: 429 storms, one call per record, associations read one record at a time. With
// HubSpot's rate limits on (Professional: 190 calls per 10 s per private app), a full refresh
// must make calls at (or within 2% of) the floor — a list page per `page` records and an
// association batch read per `batch` records — plus a few metadata calls, and see < 1% 429s.

const STREAMS = "contacts: { strategy: full_refresh, associations: [companies] }\ncompanies: { strategy: full_refresh }";
const COUNTS = { owners: 3, products: 0, deals: 0, tickets: 0, engagements: 0, gifts: 0 };

interface Case {
  name: string;
  tier: "starter" | "professional";
  contacts: number;
  companies: number;
  page: number;
  batch: number;
}

const cases: Case[] = [
  // HubSpot's own page and batch sizes: the floor is 20 + 2 + 5 calls.
  { name: "Professional, HubSpot's page sizes", tier: "professional", contacts: 2_000, companies: 500, page: 100, batch: 1_000 },
  // Pages of 10 on Starter (100 calls per 10 s): the floor (80 + 8 + 40 calls) is more than
  // one window allows, so the client must pace itself.
  { name: "Starter, pages of 10, more calls than one rate window allows", tier: "starter", contacts: 800, companies: 400, page: 10, batch: 100 },
];

const count = (requests: LoggedRequest[], predicate: (r: LoggedRequest) => boolean): number => requests.filter(predicate).length;

for (const driver of drivers) {
  for (const c of cases) {
    test(`pitfall 9: a rate-limited full refresh (${c.name}) makes calls near the floor with < 1% answered 429 [${driver}]`, async (t) => {
      const h = await inboundHarness(t, {
        driver,
        streams: STREAMS,
        tier: c.tier,
        emulator: { rateLimits: true, tier: c.tier },
        clientLimits: { listPageSize: c.page, associationBatchSize: c.batch },
      });
      const { portal, emulator } = h;
      seedPortal(portal, { seed: 9, counts: { ...COUNTS, contacts: c.contacts, companies: c.companies } });
      emulator.control.stats.reset();

      const summary = await h.run();
      const requests = h.requests.entries;
      const stats = emulator.control.stats.snapshot();

      assert.equal(streamOf(summary, "contacts").written, c.contacts);
      assert.equal(streamOf(summary, "companies").written, c.companies);
      await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
      await assertMirrorsEmulator(h.store, h.portalId, portal, "companies");
      await assertAssociationsMirror(h.store, h.portalId, emulator, portal, "contacts", "companies");

      const floor = {
        contacts: Math.ceil(c.contacts / c.page) + Math.ceil(c.contacts / c.batch),
        companies: Math.ceil(c.companies / c.page),
      };
      const data = {
        contacts: count(requests, (r) => isListOf("contacts")(r) || isAssociationReadOf("contacts")(r) || isBatchReadOf("contacts")(r) || isSearchOf("contacts")(r)),
        companies: count(requests, (r) => isListOf("companies")(r) || isAssociationReadOf("companies")(r) || isBatchReadOf("companies")(r) || isSearchOf("companies")(r)),
      };
      for (const type of ["contacts", "companies"] as const) {
        // Retries of a 429 are calls too: they count against the floor.
        assert.ok(data[type] <= 1.02 * floor[type], `${type}: ${data[type]} record and association calls; the floor is ${floor[type]}`);
      }
      const sweeps = count(requests, (r) => isArchivedListOf("contacts")(r) || isArchivedListOf("companies")(r));
      const other = requests.length - data.contacts - data.companies - sweeps;
      assert.ok(sweeps <= 2, `${sweeps} archived-listing pages (nothing is archived: one each)`);
      assert.ok(other <= 10, `${other} metadata calls: ${JSON.stringify(requests.filter((r) => !r.path.startsWith("/crm/v3/objects/") && !r.path.startsWith("/crm/v4/associations/")).map((r) => `${r.method} ${r.path}`))}`);
      assert.equal(stats.total, requests.length, "the emulator saw the engine's calls and no others");
      assert.ok(stats.rateLimited < 0.01 * stats.total, `${stats.rateLimited} of ${stats.total} calls answered 429`);
      assert.equal(summary.apiCalls, requests.length, "the summary counts every call");
      const burst = { starter: 100, professional: 190 }[c.tier];
      if (requests.length > burst) assert.ok(summary.rateLimitWaits > 0, "more calls than one window allows: the client paced itself");
      t.diagnostic(`calls: ${JSON.stringify({ floor, data, sweeps, other, total: stats.total, rateLimited: stats.rateLimited, waits: summary.rateLimitWaits, waitedMs: summary.rateLimitWaitMs })}`);
    });
  }
}

