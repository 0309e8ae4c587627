import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { contactsHolding, liveCount, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { peopleColumns, peopleRows } from "./support/scene.ts";

// Each customer portal is isolated from every other: what a sync remembers (record ids,
// hashes, what it created) belongs to the portal it wrote to. Pointed at another portal, the
// same sync writes every row there — nothing is taken for unchanged, no id of the first portal
// is used — and the first portal is left as it was.

for (const driver of drivers) {
  test(`a sync pointed at another portal writes every row there and leaves the first portal alone [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      syncs: {
        people: {
          source: { table: "people" },
          key: "id",
          object: "contacts",
          mode: "mirror",
          match: { property: "email", column: "email" },
          fields: { email: "email", firstname: "first_name" },
        },
      },
    });
    const { emulator } = h;
    const portalA = h.portal;
    const rows = peopleRows(30);
    await h.db.createTable("people", peopleColumns, rows);
    const first = await h.run("people");
    assert.equal(first.created, 30);
    const idsA = await h.recordIds("people");

    const { portalId, token } = emulator.control.createPortal();
    const portalB = emulator.parts.state.portals.get(portalId) ?? assert.fail("no second portal");
    createRecords(portalB, "contacts", 1, () => ({ email: rows[0]!.email, firstname: "B's own" }));
    h.useToken(token);
    await h.db.exec(`delete from people where id = '${rows[29]!.id}'`);

    const second = await h.run("people");
    assert.equal(second.created, 28, "every row is new to portal B…");
    assert.equal(second.updated, 1, "…but the one B already had");
    assert.equal(second.unchanged, 0, "portal A's hashes say nothing about portal B");
    assert.equal(second.archived, 0, "the row that left was created in portal A, not B");
    assert.equal(liveCount(portalB, "contacts"), 29);
    for (const row of rows.slice(0, 29)) assert.equal(contactsHolding(portalB, row.email).length, 1);
    // Portal A is as the first run left it: 30 contacts, none archived.
    assert.equal(liveCount(portalA, "contacts"), 30);
    for (const [key, id] of idsA) assert.ok(liveRecord(portalA, "contacts", id) !== undefined, `${key}'s record in portal A is untouched`);
  });
}
