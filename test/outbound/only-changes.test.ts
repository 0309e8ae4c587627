import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { contactsHolding, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness, type SyncSpec } from "./support/outbound-harness.ts";
import { peopleColumns, peopleRows, rowKey } from "./support/scene.ts";
import { countStats, describeWrites, isRecordWrite, isWriteCall } from "./support/write-calls.ts";

// Only changed rows travel (row hashes), and a dry run plans without writing. After a first
// run of 1,000 rows an identical run makes no write call; changing 1% of the rows costs one
// batch; a dry run reports the plan exactly, writes nothing to HubSpot and stores nothing.

const ROWS = 1_000;

const people = (extra: Partial<SyncSpec> = {}): SyncSpec => ({
  source: { table: "people" },
  key: "id",
  object: "contacts",
  mode: "upsert",
  match: { property: "email", column: "email" },
  fields: { email: "email", firstname: "first_name", lastname: "last_name" },
  ...extra,
});

for (const driver of drivers) {
  test(`only changes travel: an identical run writes nothing; 1% changed costs one batch [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: people() } });
    const { portal, emulator } = h;
    const rows = peopleRows(ROWS);
    await h.db.createTable("people", peopleColumns, rows);

    const first = await h.run("people");
    assert.equal(first.created, ROWS);

    emulator.control.stats.reset();
    const second = await h.run("people");
    let stats = emulator.control.stats.snapshot();
    assert.equal(countStats(stats, isWriteCall), 0, `an identical run writes nothing: ${describeWrites(stats)}`);
    assert.equal(second.unchanged, ROWS);
    assert.equal(second.created + second.updated + second.failed, 0);
    assert.equal(second.writeCalls, 0);

    // 10 rows change (1%).
    const changed = Array.from({ length: 10 }, (_, i) => i * 97);
    await h.db.exec(`update people set first_name = 'Changed ' || id where id in (${changed.map((i) => `'${rowKey(i)}'`).join(", ")})`);
    emulator.control.stats.reset();
    const third = await h.run("people");
    stats = emulator.control.stats.snapshot();
    assert.equal(third.updated, 10);
    assert.equal(third.unchanged, ROWS - 10);
    assert.equal(countStats(stats, isRecordWrite), 1, `10 changed rows: one batch write (${describeWrites(stats)})`);
    assert.equal(countStats(stats, isWriteCall), 1, "and no other write");
    assert.ok(stats.total <= 1 + 5, `${stats.total} calls in all: the write and a few look-ups`);
    for (const i of changed) {
      const [id] = contactsHolding(portal, rows[i]!.email);
      assert.equal(liveRecord(portal, "contacts", id ?? "")?.properties["firstname"], `Changed ${rowKey(i)}`);
    }

    // `full` ignores the hashes: every row is sent again (and nothing is duplicated).
    emulator.control.stats.reset();
    const full = await h.run("people", { full: true });
    assert.equal(full.unchanged, 0);
    assert.equal(countStats(emulator.control.stats.snapshot(), isRecordWrite), ROWS / 100);
    assert.equal(liveCount(portal, "contacts"), ROWS);
  });

  test(`a dry run reports the plan exactly, writes nothing and stores nothing [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: people(), "people-dry": people({ dryRun: true }) } });
    const { portal, emulator } = h;
    const rows = peopleRows(300);
    const existing = createRecords(portal, "contacts", 40, (i) => ({ email: rows[i]!.email, firstname: "Old" }));
    await h.db.createTable("people", peopleColumns, rows);

    for (const [label, sync, options] of [["--dry-run", "people", { dryRun: true }], ["dryRun: true in the config", "people-dry", {}]] as const) {
      emulator.control.stats.reset();
      const plan = await h.run(sync, options);
      const stats = emulator.control.stats.snapshot();
      assert.equal(plan.dryRun, true, label);
      assert.equal(countStats(stats, isWriteCall), 0, `${label}: no write call (${describeWrites(stats)})`);
      assert.equal(plan.writeCalls, 0);
      assert.equal(plan.plan.creates, 260, `${label}: 260 to create`);
      assert.equal(plan.plan.updates, 40, `${label}: 40 to update`);
      assert.equal(plan.plan.unchanged, 0);
      assert.equal(plan.plan.archives, 0);
      assert.ok(plan.plan.samples.length > 0, `${label}: examples for a reader`);
      assert.ok(plan.plan.samples.every((s) => s.rowKey === undefined || rows.some((r) => r.id === s.rowKey)), `${label}: samples name source rows`);
      assert.equal(liveCount(portal, "contacts"), 40, `${label}: nothing created`);
      for (const id of existing) assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], "Old", `${label}: nothing updated`);
      assert.equal((await h.recordIds(sync)).size, 0, `${label}: no write-back stored`);
      const status = await h.status(sync);
      assert.equal(status.synced, 0, `${label}: nothing stored as synced`);
    }

    // The real run afterwards sends every row: the dry run stored no hashes.
    const real = await h.run("people");
    assert.equal(real.created, 260);
    assert.equal(real.updated, 40);
    assert.equal(liveCount(portal, "contacts"), 300);

    // A dry run after a change plans just the change.
    await h.db.exec(`update people set last_name = 'Moved' where id in ('${rowKey(5)}', '${rowKey(250)}')`);
    emulator.control.stats.reset();
    const replan = await h.run("people", { dryRun: true });
    assert.equal(countStats(emulator.control.stats.snapshot(), isWriteCall), 0);
    assert.deepEqual([replan.plan.creates, replan.plan.updates, replan.plan.unchanged], [0, 2, 298]);
    const after = await h.run("people");
    assert.equal(after.updated, 2, "the dry run did not record the change as sent");
  });
}
