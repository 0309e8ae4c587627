import assert from "node:assert/strict";
import { test } from "node:test";
import { associate, callApiOk, createRecords, updateRecords } from "../inbound/support/emulator-data.ts";
import { associatedIds, byId, idsByValue, liveCount } from "./support/hubspot-truth.ts";
import { gift, giftColumns, giftsSync, OBJECT, customObject } from "./support/gifts.ts";
import { drivers, failureOf, outboundHarness } from "./support/outbound-harness.ts";
import { countLogged, isRecordWrite } from "./support/write-calls.ts";

// Use case 3: a gifting app's transactions become records of a custom object hubsync creates
// in the customer's portal, connected by OAuth. Each gift is associated with the contact whose
// email is the recipient's (the most recently active one when two share it) and with that
// contact's open deals, as examples/app-records-custom-object/hubsync.yaml does. A gift
// without a contact is remembered as an orphan and linked by the re-association job once the
// contact exists. Disconnecting makes runs fail cleanly and leaves the gifts in HubSpot;
// reconnecting backfills what was missed.

for (const driver of drivers) {
  test(`use case 3: gifts as a custom object — schema, contact by recipient email, open deals, orphans, disconnect and backfill [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      oauth: true,
      syncs: { "acme-gifts": giftsSync },
    });
    const { portal, emulator } = h;
    const now = h.clock.now();
    const day = 86_400_000;

    // The portal: Alice; Bob twice — a stale contact with bob@ as its email, and an active one
    // holding it as a secondary address (the most recent activity wins); no Carol yet.
    const [alice] = createRecords(portal, "contacts", 1, () => ({ email: "alice@example.com", firstname: "Alice" }), { at: () => now - 30 * day });
    const [bobStale, bobActive] = createRecords(
      portal,
      "contacts",
      2,
      (i) =>
        i === 0
          ? { email: "bob@example.com", firstname: "Bob (stale)", notes_last_updated: new Date(now - 200 * day).toISOString() }
          : { email: "robert@work.test", hs_additional_emails: "bob@example.com", firstname: "Bob (active)", notes_last_updated: new Date(now - day).toISOString() },
      { at: (i) => now - (i === 0 ? 100 : 2) * day },
    ) as [string, string];
    const deal = (name: string, stage: string) => createRecords(portal, "deals", 1, () => ({ dealname: name, dealstage: stage, pipeline: "default", hs_is_closed: String(stage.startsWith("closed")) }))[0]!;
    const aliceOpen = deal("Alice open", "appointmentscheduled");
    const aliceSecondOpen = deal("Alice second open", "qualifiedtobuy");
    const aliceWon = deal("Alice won", "closedwon");
    const aliceLost = deal("Alice lost", "closedlost");
    const bobOpen = deal("Bob open", "presentationscheduled");
    for (const d of [aliceOpen, aliceSecondOpen, aliceWon, aliceLost]) associate(portal, "deals", d, "contacts", alice!);
    associate(portal, "deals", bobOpen, "contacts", bobActive);

    await h.db.createTable(
      "gift_transactions",
      giftColumns,
      [gift(1, "alice@example.com"), gift(2, "Bob@Example.com"), gift(3, "carol@example.com"), gift(4, "alice@example.com"), gift(99, "alice@example.com", "globex")],
    );

    // The schema, created from the config; a second apply changes nothing.
    const applied = await h.applySchema("acme-gifts");
    assert.equal(applied.schemaCreated, true);
    const type = portal.resolveType(OBJECT);
    const definitions = new Map(portal.properties(type).live().map((p) => [p.name, p]));
    for (const p of customObject.properties) assert.ok(definitions.has(p.name), `property ${p.name} created`);
    assert.equal(definitions.get("transaction_id")?.hasUniqueValue, true);
    assert.equal(definitions.get("amount")?.type, "number");
    assert.deepEqual(definitions.get("status")?.options.map((o) => o.value), ["sent", "delivered", "opened", "redeemed", "expired"]);
    const again = await h.applySchema("acme-gifts");
    assert.deepEqual(again, { schemaCreated: false, propertiesCreated: [] });

    const first = await h.run("acme-gifts");
    assert.equal(first.created, 4, "acme's four gifts (not globex's)");
    assert.equal(first.orphans, 1, "Carol's gift has no contact yet");
    assert.equal(liveCount(portal, OBJECT), 4);

    const giftId = (tx: string): string => idsByValue(portal, OBJECT, "transaction_id").get(tx)?.[0] ?? assert.fail(`${tx} not in HubSpot`);
    const contactsOf = (tx: string) => associatedIds(portal, OBJECT, giftId(tx), "contacts");
    const dealsOf = (tx: string) => associatedIds(portal, OBJECT, giftId(tx), "deals");
    const g1 = portal.store(type).get(giftId("tx-1"));
    assert.equal(g1?.properties["gift_name"], "Gift 1");
    assert.equal(g1?.properties["amount"], "26");
    assert.equal(g1?.properties["status_changed_at"], "2025-03-01T10:00:00.000Z");
    assert.equal(portal.store(type).get(giftId("tx-3"))?.properties["gift_type"], "digital", "an option matched by its label");
    assert.equal(portal.store(type).get(giftId("tx-2"))?.properties["recipient_email"], "bob@example.com");

    assert.deepEqual(contactsOf("tx-1"), [alice]);
    assert.deepEqual(dealsOf("tx-1"), [aliceOpen, aliceSecondOpen].sort(byId), "Alice's open deals only");
    assert.deepEqual(contactsOf("tx-2"), [bobActive], "the most recently active of the two Bobs");
    assert.deepEqual(dealsOf("tx-2"), [bobOpen]);
    assert.deepEqual(contactsOf("tx-3"), []);
    assert.deepEqual(dealsOf("tx-3"), []);
    assert.deepEqual(contactsOf("tx-4"), [alice]);
    assert.equal((await h.status("acme-gifts")).orphans, 1);
    assert.ok(!associatedIds(portal, "contacts", bobStale, OBJECT).length, "the stale Bob has no gift");

    // Carol signs up; the re-association job links her gift without re-sending any gift.
    const carol = (await callApiOk<{ id: string }>(emulator, "POST", "/crm/v3/objects/contacts", { properties: { email: "carol@example.com" } })).id;
    let mark = h.requests.mark();
    const relinked = await h.reassociate("acme-gifts");
    assert.equal(relinked.orphans, 0);
    assert.ok(relinked.associationsCreated >= 1);
    assert.equal(countLogged(h.requests.since(mark), isRecordWrite), 0, "no gift re-sent");
    assert.deepEqual(contactsOf("tx-3"), [carol]);
    assert.equal((await h.status("acme-gifts")).orphans, 0);

    // An hourly run: a status change travels, and Alice's first deal has closed: the changed
    // gift leaves it at once; an unchanged gift is re-derived by the re-association job.
    await h.db.exec(`update gift_transactions set status = 'delivered', status_changed_at = '2025-03-02T09:30:00Z' where transaction_id = 'tx-1'`);
    updateRecords(portal, "deals", [aliceOpen], () => ({ dealstage: "closedwon", hs_is_closed: "true" }));
    const hourly = await h.run("acme-gifts");
    assert.equal(hourly.updated, 1);
    assert.equal(hourly.created, 0);
    assert.equal(portal.store(type).get(giftId("tx-1"))?.properties["status"], "delivered");
    assert.equal(portal.store(type).get(giftId("tx-1"))?.properties["status_changed_at"], "2025-03-02T09:30:00.000Z");
    assert.deepEqual(dealsOf("tx-1"), [aliceSecondOpen], "the changed gift left the closed deal");
    mark = h.requests.mark();
    const rederived = await h.reassociate("acme-gifts");
    assert.equal(countLogged(h.requests.since(mark), isRecordWrite), 0, "no gift re-sent");
    assert.deepEqual(dealsOf("tx-4"), [aliceSecondOpen], "the re-association job took the other gift off the closed deal");
    assert.equal(hourly.associationsRemoved + rederived.associationsRemoved, 2);

    // Disconnect: the grant is revoked. New gifts arrive; the run fails cleanly and writes nothing.
    await h.disconnect();
    await h.db.insert("gift_transactions", [gift(5, "alice@example.com"), gift(6, "dave@example.com")]);
    const refused = await h.attempt("acme-gifts");
    const failure = failureOf(refused);
    assert.ok(failure !== undefined, "a run without a connection fails");
    t.diagnostic(`disconnected: ${failure.code}: ${failure.message}`);
    assert.equal(failure.code, "OAUTH_REFRESH_FAILED", `${failure.code}: ${failure.message}`);
    assert.equal(liveCount(portal, OBJECT), 4, "the gifts stay in HubSpot; none was added");

    // Reconnect: the missed gifts are backfilled.
    await h.reconnect();
    mark = h.requests.mark();
    const backfill = await h.run("acme-gifts");
    assert.equal(backfill.created, 2);
    assert.equal(backfill.orphans, 1, "Dave has no contact");
    assert.equal(liveCount(portal, OBJECT), 6);
    assert.deepEqual(contactsOf("tx-5"), [alice]);
    assert.deepEqual(dealsOf("tx-5"), [aliceSecondOpen]);
    assert.ok(h.requests.since(mark).every((r) => r.status !== 401), "the new grant is used");
    const ids = await h.recordIds("acme-gifts");
    assert.deepEqual([...ids.keys()].sort(), ["tx-1", "tx-2", "tx-3", "tx-4", "tx-5", "tx-6"]);
    for (const [tx, id] of ids) assert.equal(id, giftId(tx));
  });
}
