import assert from "node:assert/strict";
import { test } from "node:test";
import { callApiOk, createRecords } from "../inbound/support/emulator-data.ts";
import { byId, contactsHolding, listMembers, listProcessingType, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { peopleColumns, peopleRows, rowKey } from "./support/scene.ts";
import { countLogged, isListMembershipWrite } from "./support/write-calls.ts";

// Lists: a static list whose members are exactly the source's rows, kept so through adds and
// removals, edited in batches (5 ids a call here).

const LIST = "Paying customers";

for (const driver of drivers) {
  test(`a static list's membership equals the source's rows after adds and removals, edited in batches [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      clientLimits: { listMembershipWriteSize: 5 },
      syncs: {
        customers: {
          source: { table: "people" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email", firstname: "first_name" },
          list: { name: LIST },
        },
        vip: {
          source: { table: "vips" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email" },
          list: true,
        },
      },
    });
    const { portal } = h;
    createRecords(portal, "contacts", 5, (i) => ({ email: `outsider${i}@example.com` }));
    const all = peopleRows(40);
    await h.db.createTable("people", peopleColumns, all.slice(0, 23));
    await h.db.createTable("vips", peopleColumns, all.slice(30, 33));
    const members = (rows: ReadonlyArray<{ email: string }>): string[] => rows.map((r) => contactsHolding(portal, r.email)[0] ?? assert.fail(`${r.email} missing`)).sort(byId);

    let mark = h.requests.mark();
    const first = await h.run("customers");
    assert.equal(listProcessingType(portal, "contacts", LIST), "MANUAL", "a static list");
    assert.deepEqual(listMembers(portal, "contacts", LIST), members(all.slice(0, 23)));
    assert.equal(first.listAdded, 23);
    assert.equal(countLogged(h.requests.since(mark), isListMembershipWrite), Math.ceil(23 / 5));

    // 7 rows leave, 4 join.
    await h.db.exec(`delete from people where id in (${[0, 3, 6, 9, 12, 15, 18].map((i) => `'${rowKey(i)}'`).join(", ")})`);
    await h.db.insert("people", all.slice(23, 27));
    const expected = all.slice(0, 27).filter((_, i) => ![0, 3, 6, 9, 12, 15, 18].includes(i));
    mark = h.requests.mark();
    const second = await h.run("customers");
    assert.deepEqual(listMembers(portal, "contacts", LIST), members(expected));
    assert.equal(second.listAdded, 4);
    assert.equal(second.listRemoved, 7);
    assert.equal(countLogged(h.requests.since(mark), isListMembershipWrite), Math.ceil(4 / 5) + Math.ceil(7 / 5));
    // Leaving the source leaves the list, not HubSpot.
    assert.ok(liveRecord(portal, "contacts", contactsHolding(portal, all[0]!.email)[0] ?? "") !== undefined);

    // An identical run edits nothing.
    mark = h.requests.mark();
    const third = await h.run("customers");
    assert.equal(third.listAdded + third.listRemoved, 0);
    assert.equal(countLogged(h.requests.since(mark), isListMembershipWrite), 0);

    // `list: true` names the list after the sync. A "vip" list someone made already exists,
    // with an outsider in it: the sync takes it over and its members become the source's rows.
    const outsider = contactsHolding(portal, "outsider0@example.com")[0]!;
    const made = await callApiOk<{ list: { listId: string } }>(h.emulator, "POST", "/crm/v3/lists/", { name: "vip", objectTypeId: "0-1", processingType: "MANUAL" });
    await callApiOk(h.emulator, "PUT", `/crm/v3/lists/${made.list.listId}/memberships/add`, [outsider]);
    assert.deepEqual(listMembers(portal, "contacts", "vip"), [outsider]);
    await h.run("vip");
    assert.deepEqual(listMembers(portal, "contacts", "vip"), members(all.slice(30, 33)));
    assert.deepEqual(listMembers(portal, "contacts", LIST), members(expected), "the other list is untouched");
  });
}
