import assert from "node:assert/strict";
import { test } from "node:test";
import { callApiOk, createRecords } from "../inbound/support/emulator-data.ts";
import { gift, giftColumns, giftsSync, OBJECT } from "./support/gifts.ts";
import { associatedIds, idsByValue, liveRecord } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { countLogged, isRecordWrite } from "./support/write-calls.ts";

// Use case 3's re-association job: orphaned gifts are linked to contacts added or changed
// since — a new contact, an existing contact whose email changed to the recipient's — and a
// gift whose contact was merged into another follows the survivor. Gifts are never re-sent.

for (const driver of drivers) {
  test(`re-association links orphans to new contacts and to contacts whose email changed, and follows merges [${driver}]`, async (t) => {
    const h = await outboundHarness(t, { driver, syncs: { "acme-gifts": giftsSync } });
    const { portal, emulator } = h;
    const [erin, frank, frankOther] = createRecords(portal, "contacts", 3, (i) => ({ email: ["erin@example.com", "frank@example.com", "franklin@elsewhere.test"][i]! }));
    await h.db.createTable("gift_transactions", giftColumns, [
      gift(1, "grace@example.com"), // nobody yet
      gift(2, "heidi@example.com"), // nobody yet: Erin's email will change to it
      gift(3, "frank@example.com"), // Frank, who will be merged into another contact
      gift(4, "erin@example.com"),
    ]);

    const first = await h.run("acme-gifts");
    assert.equal(first.created, 4);
    assert.equal(first.orphans, 2);
    const giftId = (tx: string): string => idsByValue(portal, OBJECT, "transaction_id").get(tx)?.[0] ?? assert.fail(`${tx} not in HubSpot`);
    const contactsOf = (tx: string) => associatedIds(portal, OBJECT, giftId(tx), "contacts");
    assert.deepEqual(contactsOf("tx-3"), [frank]);
    assert.deepEqual(contactsOf("tx-4"), [erin]);

    // Grace signs up; Erin's email becomes Heidi's address; Frank is merged into his other record.
    const grace = (await callApiOk<{ id: string }>(emulator, "POST", "/crm/v3/objects/contacts", { properties: { email: "grace@example.com" } })).id;
    await callApiOk(emulator, "PATCH", `/crm/v3/objects/contacts/${erin}`, { properties: { email: "heidi@example.com" } });
    const survivor = (await callApiOk<{ id: string }>(emulator, "POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: frankOther, objectIdToMerge: frank })).id;
    assert.ok(liveRecord(portal, "contacts", survivor) !== undefined);

    const mark = h.requests.mark();
    const relinked = await h.reassociate("acme-gifts");
    assert.equal(countLogged(h.requests.since(mark), isRecordWrite), 0, "no gift re-sent");
    assert.equal(relinked.orphans, 1, "erin@example.com is nobody's email any more: tx-4 is an orphan now");
    assert.deepEqual(contactsOf("tx-1"), [grace], "a new contact");
    assert.deepEqual(contactsOf("tx-2"), [erin], "a contact whose email changed to the recipient's");
    assert.deepEqual(contactsOf("tx-3"), [survivor], "the survivor of the merge");
    assert.deepEqual(contactsOf("tx-4"), [erin], "an association the sync wrote is not removed without removeMissing");
    assert.equal((await h.status("acme-gifts")).orphans, 1);
  });
}
