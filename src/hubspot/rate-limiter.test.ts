import assert from "node:assert/strict";
import { test } from "node:test";
import { drain, emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";
import type { HubSpotClientOptions } from "./hubspot-client.ts";

/** Records seeded with limits off; then HubSpot's limits on, a fresh window and fresh counters. */
async function limitedKit(tier: "starter" | "professional", records: number, clientOptions: Partial<HubSpotClientOptions> = {}): Promise<EmulatorClientKit> {
  const kit = emulatorClient({ tier }, { tier, ...clientOptions });
  await createRecords(kit, "contacts", records, (i) => ({ email: `l${i}@example.com` }));
  kit.emulator.control.setRateLimits(true);
  kit.emulator.control.clock.advance(60_000);
  kit.emulator.control.stats.reset();
  return kit;
}

test("300 list calls at the Starter burst (100 per 10 s) finish with under 1% answered 429, pacing counted", async () => {
  const kit = await limitedKit("starter", 300);
  const started = kit.emulator.control.clock.now();
  const { items } = await drain(kit.client.listObjects("contacts", { pageSize: 1 }));
  assert.equal(items.length, 300);
  const answered = kit.emulator.control.stats.snapshot();
  assert.ok(answered.total >= 300);
  assert.ok(answered.rateLimited / answered.total < 0.01, `429s: ${answered.rateLimited} of ${answered.total}`);
  const stats = kit.client.stats();
  assert.ok(stats.rateLimitWaits >= 2 && stats.rateLimitWaitedMs >= 15_000, JSON.stringify(stats));
  // Three windows' worth of calls need at least two full windows of (emulator) time.
  assert.ok(kit.emulator.control.clock.now() - started >= 20_000);
});

test("a client that guessed the tier too high learns the real budget from X-HubSpot-RateLimit-* headers", async () => {
  const kit = await limitedKit("starter", 250, { tier: "enterprise" });
  const { items } = await drain(kit.client.listObjects("contacts", { pageSize: 1 }));
  assert.equal(items.length, 250);
  const answered = kit.emulator.control.stats.snapshot();
  assert.ok(answered.rateLimited / answered.total < 0.01, `429s: ${answered.rateLimited} of ${answered.total}`);
});

test("calls another process made on the same app (seen in Remaining) are counted: the burst is not overrun", async () => {
  const kit = await limitedKit("starter", 120);
  // Someone else spends 70 of the 100 calls of this window with the same token.
  for (let i = 0; i < 70; i++) assert.equal((await kit.api("GET", "/crm/v3/objects/contacts?limit=1")).status, 200);
  const { items } = await drain(kit.client.listObjects("contacts", { pageSize: 1 }));
  assert.equal(items.length, 120);
  assert.equal(kit.emulator.control.stats.snapshot().rateLimited, 0);
});

test("concurrent reads share one burst budget per client", async () => {
  const kit = await limitedKit("starter", 100);
  const reads = await Promise.all([1, 2, 3].map(() => drain(kit.client.listObjects("contacts", { pageSize: 1 }))));
  assert.deepEqual(reads.map((r) => r.items.length), [100, 100, 100]);
  const answered = kit.emulator.control.stats.snapshot();
  assert.ok(answered.rateLimited / answered.total < 0.01, `429s: ${answered.rateLimited} of ${answered.total}`);
});

test("search has its own budget of 5 per second: 40 search pages, no 429, while list calls do not wait for it", async () => {
  const kit = await limitedKit("professional", 40);
  const { items } = await drain(kit.client.searchObjects("contacts", { pageSize: 1 }));
  assert.equal(items.length, 40);
  const answered = kit.emulator.control.stats.snapshot();
  assert.equal(answered.rateLimited, 0);
  const stats = kit.client.stats();
  assert.equal(stats.calls.search, 40);
  assert.ok(stats.rateLimitWaits >= 7, "paced at 5 a second");
  const waitsBefore = stats.rateLimitWaits;
  assert.equal((await drain(kit.client.listObjects("contacts"))).items.length, 40);
  assert.equal(kit.client.stats().rateLimitWaits, waitsBefore, "the burst budget was untouched by searches");
});

test("clients for different portals keep separate budgets (no global state)", async () => {
  const kit = await limitedKit("starter", 150);
  const other = kit.emulator.control.createPortal({ tier: "starter" });
  const second = kit.clientWith({ auth: { kind: "private-app", token: other.token }, tier: "starter" });
  assert.equal((await drain(kit.client.listObjects("contacts", { pageSize: 1 }))).items.length, 150);
  assert.ok(kit.client.stats().rateLimitWaits > 0);
  assert.equal((await drain(second.listObjects("contacts"))).items.length, 0);
  assert.equal(second.stats().rateLimitWaits, 0);
  assert.equal(kit.emulator.control.stats.snapshot().rateLimited, 0);
});
