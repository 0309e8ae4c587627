import assert from "node:assert/strict";
import { portalId, syncId } from "../../core/ids.ts";
import { seedPortal } from "../../emulator/seed/seed-portal.ts";
import { assertMirrors, forEachDriver, SYNC } from "./test-support/engine-kit.ts";
import { callApi, streamOf } from "./test-support/scene.ts";

const counts = { owners: 1, companies: 0, contacts: 95, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 };

for (const strategy of ["full_refresh", "incremental"] as const) {
  forEachDriver(`a ${strategy} read stopped mid-stream resumes at its last committed page: no gaps, no duplicates`, async (kit) => {
    const k = await kit({ streams: `contacts: { strategy: ${strategy}, pageSize: 10 }` });
    seedPortal(k.portal, { seed: 2, counts });
    const controller = new AbortController();
    let pages = 0;
    const stopped = await k.attempt({
      signal: controller.signal,
      onProgress: (event) => {
        if (event.kind === "page" && ++pages === 3) controller.abort();
      },
    });
    assert.ok(stopped.ok);
    assert.equal(stopped.value.status, "cancelled");
    assert.equal(stopped.value.error?.code, "SYNC_ABORTED");
    assert.equal((await k.rows("contacts")).size, 30, "three pages committed");
    assert.equal((await k.store.getRun(stopped.value.runId))?.status, "cancelled");

    const resumed = await k.run();
    const contacts = streamOf(resumed, "contacts");
    assert.equal(contacts.fetched, 65, "the resumed run reads only what the stopped one had not");
    assert.equal(contacts.deleted, 0, "rows the first run read are not swept");
    await assertMirrors(k, "contacts");
  });
}

forEachDriver("a full refresh marks rows gone from HubSpot deleted (mark and sweep) without dropping them", async (kit) => {
  const k = await kit({ streams: "contacts: { strategy: full_refresh, archived: false }", emulator: { limits: { archivedRetentionMs: 1_000 } } });
  seedPortal(k.portal, { seed: 4, counts: { ...counts, contacts: 12 } });
  await k.run();
  const [gone] = [...(await k.rows("contacts")).keys()];
  assert.equal((await callApi(k, "DELETE", `/crm/v3/objects/contacts/${gone}`)).status, 204);
  k.emulator.control.clock.advance(5_000); // purged from the recycle bin: only the sweep can tell
  const summary = await k.run();
  assert.equal(streamOf(summary, "contacts").deleted, 1);
  const row = (await k.rows("contacts", true)).get(gone ?? "");
  assert.ok(row !== undefined && row.deletedAt !== null && !row.archived);
  const audit = await k.store.auditEntries(summary.runId);
  assert.ok(audit.some((e) => e.action === "swept" && e.recordId === gone));
});

forEachDriver("a second run of the same sync while one runs fails with SYNC_ALREADY_RUNNING", async (kit) => {
  const k = await kit({ streams: "contacts: { pageSize: 10 }" });
  seedPortal(k.portal, { seed: 3, counts: { ...counts, contacts: 40 } });
  let second: Promise<unknown> | undefined;
  const first = await k.attempt({
    onProgress: (event) => {
      if (event.kind === "page" && second === undefined) second = k.attempt();
    },
  });
  assert.ok(first.ok && first.value.status === "succeeded");
  const result = (await second) as Awaited<ReturnType<typeof k.attempt>>;
  assert.ok(!result.ok);
  assert.equal(result.error.code, "SYNC_ALREADY_RUNNING");
  assert.ok((await k.run()).status === "succeeded", "the lock is free once the first run ends");
});

forEachDriver("a run whose process died holds its sync until its lease expires; the next run marks it failed", async (kit) => {
  const k = await kit({ streams: "contacts:", engine: { leaseMs: 60_000 } });
  seedPortal(k.portal, { seed: 3, counts: { ...counts, contacts: 5 } });
  const dead = await k.store.createRun({ sync: syncId(SYNC) });
  await k.store.transaction(async (tx) => {
    const put = await k.store.putCursor(tx, { sync: syncId(SYNC), stream: "$lock", portal: portalId("*") }, { owner: "dead-process", runId: dead.id, expiresAt: k.clock.now() + 60_000 }, 0);
    assert.ok(put.ok);
  });
  const blocked = await k.attempt();
  assert.ok(!blocked.ok && blocked.error.code === "SYNC_ALREADY_RUNNING");
  k.emulator.control.clock.advance(61_000);
  await k.run();
  assert.equal((await k.store.getRun(dead.id))?.status, "failed");
});

forEachDriver("a saved list position HubSpot no longer accepts restarts the read from the first page, with nothing lost", async (kit) => {
  const k = await kit({ streams: "contacts: { strategy: full_refresh, pageSize: 10 }" });
  seedPortal(k.portal, { seed: 6, counts: { ...counts, contacts: 35 } });
  const controller = new AbortController();
  let pages = 0;
  await k.attempt({ signal: controller.signal, onProgress: (event) => event.kind === "page" && ++pages === 2 && controller.abort() });
  const key = { sync: syncId(SYNC), stream: "contacts", portal: k.portalId };
  const saved = await k.store.getCursor(key);
  assert.ok(saved !== undefined);
  const cursor = saved.cursor as { listing: { after?: string } };
  await k.store.transaction(async (tx) => {
    assert.ok((await k.store.putCursor(tx, key, { ...cursor, listing: { ...cursor.listing, after: "not-a-position" } }, saved.version)).ok);
  });
  const summary = await k.run();
  assert.equal(streamOf(summary, "contacts").deleted, 0);
  assert.ok((await k.store.auditEntries(summary.runId)).some((e) => e.action === "listing_restarted"));
  await assertMirrors(k, "contacts");
});
