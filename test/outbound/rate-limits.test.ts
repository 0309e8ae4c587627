import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { associatedIds, duplicatesOf, idsByValue, liveCount } from "./support/hubspot-truth.ts";
import { collectProgress, drivers, outboundHarness } from "./support/outbound-harness.ts";
import { peopleRows } from "./support/scene.ts";
import { countLogged, countStats, describeWrites, isAssociationWrite, isRecordWrite, isWriteCall } from "./support/write-calls.ts";

// Pitfall 9 for writes: 429 storms and one call per record. With HubSpot's rate limits on, a
// 2,000-row upsert of contacts, each associated with a company, must write at the floor — a
// batch per 100 rows and an association batch per 2,000 pairs — with under 1% of calls
// answered 429. On Starter with batches of 10 the floor is more calls than one 10 s window
// allows, so the client must pace itself rather than storm.

interface Case {
  name: string;
  tier: "starter" | "professional";
  batch: number;
  associationBatch: number;
  burst: number;
}

const ROWS = 2_000;
const cases: Case[] = [
  { name: "Professional, HubSpot's batch sizes", tier: "professional", batch: 100, associationBatch: 2_000, burst: 190 },
  { name: "Starter, batches of 10", tier: "starter", batch: 10, associationBatch: 500, burst: 100 },
];

for (const driver of drivers) {
  for (const c of cases) {
    test(`pitfall 9: a rate-limited 2,000-row upsert (${c.name}) writes at the floor with < 1% answered 429 [${driver}]`, async (t) => {
      const h = await outboundHarness(t, {
        driver,
        tier: c.tier,
        emulator: { rateLimits: true, tier: c.tier },
        clientLimits: { batchSize: c.batch, associationWriteBatchSize: c.associationBatch },
        syncs: {
          people: {
            source: { table: "people" },
            key: "id",
            object: "contacts",
            mode: "upsert",
            match: { property: "email", column: "email" },
            fields: { email: "email", firstname: "first_name", lastname: "last_name" },
            associations: [{ to: "companies", column: "company_id" }],
          },
        },
      });
      const { portal, emulator } = h;
      const companies = createRecords(portal, "companies", 50, (i) => ({ name: `Co ${i}` }));
      const rows = peopleRows(ROWS).map((row, i) => ({ ...row, company_id: companies[i % companies.length]! }));
      await h.db.createTable("people", { id: "text primary key", email: "text", first_name: "text", last_name: "text", company_id: "text" }, rows);
      emulator.control.stats.reset();

      const progress = collectProgress();
      const summary = await h.run("people", { onProgress: progress.onProgress });
      const stats = emulator.control.stats.snapshot();
      const requests = h.requests.entries;

      assert.equal(summary.created, ROWS);
      assert.equal(summary.associationsCreated, ROWS);
      assert.equal(liveCount(portal, "contacts"), ROWS);
      assert.deepEqual(duplicatesOf(portal, "contacts", "email"), []);
      const byEmail = idsByValue(portal, "contacts", "email");
      for (const row of rows) assert.deepEqual(associatedIds(portal, "contacts", byEmail.get(row.email)?.[0] ?? "", "companies"), [row.company_id]);

      const floor = { records: Math.ceil(ROWS / c.batch), associations: Math.ceil(ROWS / c.associationBatch) };
      const writes = { records: countLogged(requests, isRecordWrite), associations: countLogged(requests, isAssociationWrite) };
      t.diagnostic(`calls: ${JSON.stringify({ floor, writes, total: stats.total, rateLimited: stats.rateLimited, writeRoutes: describeWrites(stats) })}`);
      // A 429 answered is a call too: retries count against the floor.
      assert.ok(writes.records >= floor.records && writes.records <= Math.ceil(1.02 * floor.records), `${writes.records} record writes; the floor is ${floor.records}`);
      // Every association write carries up to a full batch of pairs: exactly the floor unless a 429 forced a retry.
      const associationCeiling = stats.rateLimited === 0 ? floor.associations : Math.ceil(1.02 * floor.associations);
      assert.ok(writes.associations >= floor.associations && writes.associations <= associationCeiling, `${writes.associations} association writes; the floor is ${floor.associations}`);
      assert.equal(countStats(stats, isWriteCall), writes.records + writes.associations, `no other writes: ${describeWrites(stats)}`);
      // Look-ups (properties, labels, which records exist) stay well under one per batch.
      const reads = stats.total - countStats(stats, isWriteCall);
      assert.ok(reads <= floor.records + 10, `${reads} read calls for ${floor.records} batches`);
      assert.equal(stats.total, requests.length, "the emulator saw the engine's calls and no others");
      assert.ok(stats.rateLimited < 0.01 * stats.total, `${stats.rateLimited} of ${stats.total} calls answered 429`);
      assert.equal(summary.apiCalls, requests.length, "the summary counts every call");
      assert.equal(summary.writeCalls, writes.records + writes.associations, "the summary counts every write");
      if (requests.length > c.burst) {
        assert.ok(progress.events.some((e) => e.kind === "rate-limit-wait"), "more calls than one window allows: the client paced itself (and said so)");
      }
    });
  }
}
