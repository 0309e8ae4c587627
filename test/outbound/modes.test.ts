import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { anyRecord, contactsHolding, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, mentions, outboundHarness, problems, type SyncSpec } from "./support/outbound-harness.ts";
import { peopleColumns, peopleRows, rowKey } from "./support/scene.ts";
import { countStats, isRecordWrite } from "./support/write-calls.ts";

// The four modes (docs/configuration.md#modes-and-matching), each against a portal where some
// of the source's people already exist (made by someone else) and others do not.

const sync = (mode: string): SyncSpec => ({
  source: { table: "people" },
  key: "id",
  object: "contacts",
  mode,
  ...(mode === "create" ? {} : { match: { property: "email", column: "email" } }),
  fields: { email: "email", firstname: "first_name", lastname: "last_name" },
});

for (const driver of drivers) {
  test(`mode create: new rows are created; existing records are left untouched and reported as conflicts [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: sync("create") } });
    const { portal } = h;
    const rows = peopleRows(30);
    const existing = createRecords(portal, "contacts", 10, (i) => ({ email: rows[i]!.email, firstname: "Theirs" }));
    await h.db.createTable("people", peopleColumns, rows);

    const summary = await h.run("people");
    assert.equal(summary.created, 20);
    assert.equal(summary.updated, 0);
    assert.equal(liveCount(portal, "contacts"), 30);
    existing.forEach((id, i) => {
      assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], "Theirs", `existing ${id} untouched`);
      assert.equal(liveRecord(portal, "contacts", id)?.properties["lastname"], undefined, `existing ${id} untouched`);
      assert.deepEqual(contactsHolding(portal, rows[i]!.email), [id]);
    });
    const entries = problems(await h.audit(summary.runId));
    rows.forEach((row, i) => {
      const about = entries.filter((e) => mentions(e, row.id));
      if (i < 10) assert.ok(about.length > 0, `conflict of ${row.id} (${row.email} exists) is reported`);
      else assert.deepEqual(about.map((e) => e.message), [], `${row.id} was created without a problem`);
    });

    // Run again: nothing created twice, nothing overwritten.
    await h.run("people");
    assert.equal(liveCount(portal, "contacts"), 30);
    for (const id of existing) assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], "Theirs");
  });

  test(`mode update: existing records are updated; rows without a record are reported, not created [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: sync("update") } });
    const { portal } = h;
    const rows = peopleRows(15);
    const existing = createRecords(portal, "contacts", 10, (i) => ({ email: rows[i]!.email, firstname: "Old" }));
    await h.db.createTable("people", peopleColumns, rows);

    const summary = await h.run("people");
    assert.equal(summary.updated, 10);
    assert.equal(summary.created, 0);
    assert.equal(liveCount(portal, "contacts"), 10, "no record created");
    existing.forEach((id, i) => assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], rows[i]!.first_name));
    for (const row of rows.slice(10)) assert.deepEqual(contactsHolding(portal, row.email), []);
    const entries = problems(await h.audit(summary.runId));
    rows.forEach((row, i) => {
      const about = entries.filter((e) => mentions(e, row.id));
      if (i >= 10) assert.ok(about.length > 0, `missing record of ${row.id} is reported`);
      else assert.deepEqual(about.map((e) => e.message), [], `${row.id} updated without a problem`);
    });
    assert.deepEqual([...(await h.recordIds("people")).entries()].sort(), existing.map((id, i) => [rowKey(i), id]).sort());
  });

  test(`mode upsert: existing records are updated, the rest created [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: sync("upsert") } });
    const { portal } = h;
    const rows = peopleRows(25);
    const existing = createRecords(portal, "contacts", 10, (i) => ({ email: rows[i]!.email.toUpperCase(), firstname: "Old" }));
    await h.db.createTable("people", peopleColumns, rows);

    const summary = await h.run("people");
    assert.equal(summary.updated, 10);
    assert.equal(summary.created, 15);
    assert.equal(liveCount(portal, "contacts"), 25);
    existing.forEach((id, i) => assert.equal(liveRecord(portal, "contacts", id)?.properties["firstname"], rows[i]!.first_name, "matched case-insensitively"));
    const ids = await h.recordIds("people");
    for (const row of rows) assert.deepEqual(contactsHolding(portal, row.email), [ids.get(row.id)]);
  });

  test(`mode mirror: archives only the records this sync created whose rows left the source; others' records are untouched [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { people: sync("mirror") } });
    const { portal, emulator } = h;
    const rows = peopleRows(20);
    // Five of the rows match records someone else made; three other records are not in the source at all.
    const theirsMatched = createRecords(portal, "contacts", 5, (i) => ({ email: rows[i]!.email }));
    const theirsUnrelated = createRecords(portal, "contacts", 3, (i) => ({ email: `bystander${i}@example.com` }));
    await h.db.createTable("people", peopleColumns, rows);

    const first = await h.run("people");
    assert.equal(first.created, 15);
    assert.equal(first.updated, 5);
    assert.equal(first.archived, 0);
    const ids = await h.recordIds("people");

    // Rows 0–2 (records someone else made) and rows 10–14 (records this sync made) leave the source.
    const leaving = [0, 1, 2, 10, 11, 12, 13, 14].map((i) => rowKey(i));
    await h.db.exec(`delete from people where id in (${leaving.map((k) => `'${k}'`).join(", ")})`);
    emulator.control.stats.reset();
    const second = await h.run("people");
    assert.equal(second.archived, 5, "only the five records this sync created");
    assert.equal(second.created + second.updated, 0);
    assert.ok(countStats(emulator.control.stats.snapshot(), isRecordWrite) <= 1, "one archive batch");

    for (const i of [10, 11, 12, 13, 14]) {
      const id = ids.get(rowKey(i))!;
      assert.equal(liveRecord(portal, "contacts", id), undefined, `${rowKey(i)}'s record is archived`);
      assert.equal(anyRecord(portal, "contacts", id)?.archived, true);
    }
    for (const id of [...theirsMatched, ...theirsUnrelated]) assert.ok(liveRecord(portal, "contacts", id) !== undefined, `someone else's ${id} is untouched`);
    assert.equal(liveCount(portal, "contacts"), 20 - 5 + 3);

    // A row that comes back is created again (its old record stays archived).
    await h.db.insert("people", rows.slice(10, 11));
    const third = await h.run("people");
    assert.equal(third.created + third.updated, 1, "the returning row is written once (created, or its record restored)");
    assert.equal(third.archived, 0);
    assert.equal(contactsHolding(portal, rows[10]!.email).length, 1);
  });
}
