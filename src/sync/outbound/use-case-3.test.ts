import assert from "node:assert/strict";
import { syncId } from "../../core/ids.ts";
import { callsDuring, forEachDriver, type OutboundKit } from "./test-support/outbound-kit.ts";

const giftsSync = `source: { jsonl: "\${dir}/gifts.jsonl" }
key: transaction_id
object: gift_transaction
mode: upsert
match: { property: transaction_id, column: transaction_id }
fields:
  transaction_id: transaction_id
  gift_name: name
  amount: amount
  recipient_email: { column: recipient_email, transforms: [trim, lowercase] }
  status: status
associations:
  - { to: contacts, column: recipient_email, by: email, resolve: most_recently_active, removeMissing: true }
  - { to: deals, through: recipient_email, only: open, removeMissing: true }
customObject:
  name: gift_transaction
  labels: { singular: Gift, plural: Gifts }
  primaryDisplayProperty: gift_name
  uniqueProperty: transaction_id
  associatedObjects: [contacts, deals]
  properties:
    - { name: transaction_id, label: Transaction ID }
    - { name: gift_name, label: Gift }
    - { name: amount, type: number }
    - { name: recipient_email }
    - { name: status, type: enumeration, options: [sent, delivered, opened, redeemed] }`;

interface Gift {
  transaction_id: string;
  name: string;
  amount: number;
  recipient_email: string;
  status: string;
}

const writeGifts = (kit: OutboundKit, gifts: Gift[]): void => void kit.writeFile("gifts.jsonl", `${gifts.map((g) => JSON.stringify(g)).join("\n")}\n`);

/** A contact written as HubSpot's own activity tracking would leave it (read-only properties set directly). */
function contact(kit: OutboundKit, properties: Record<string, string>): string {
  const store = kit.portal.store(kit.portal.resolveType("contacts"));
  return store.create(properties, { sourceType: "CRM_UI" }, kit.clock.now()).id;
}

function deal(kit: OutboundKit, stage: string, contactId: string): string {
  const deals = kit.portal.resolveType("deals");
  const record = kit.portal.store(deals).create({ dealname: `deal ${stage}`, dealstage: stage, pipeline: "default" }, { sourceType: "CRM_UI" }, kit.clock.now());
  kit.portal.associations.associate(deals, record.id, kit.portal.resolveType("contacts"), contactId, [], { sourceType: "CRM_UI" }, kit.clock.now());
  return record.id;
}

forEachDriver("use case 3: gifts become a custom object, linked to the most recently active contact and its open deals; an orphan is linked later", async (kit) => {
  const k = await kit({ sync: giftsSync });
  // Two contacts hold ann@example.com: one as primary email, the other (more recently active) as a secondary one.
  const older = contact(k, { email: "ann@example.com", firstname: "Ann", notes_last_updated: "2024-01-05T10:00:00.000Z" });
  const recent = contact(k, { email: "ann.b@other.org", hs_additional_emails: "ann@example.com", firstname: "Ann B", notes_last_updated: "2024-06-01T10:00:00.000Z" });
  const open = deal(k, "appointmentscheduled", recent);
  deal(k, "closedwon", recent);
  deal(k, "appointmentscheduled", older);
  writeGifts(k, [
    { transaction_id: "g1", name: "Flowers", amount: 40, recipient_email: " Ann@Example.com", status: "sent" },
    { transaction_id: "g2", name: "Wine", amount: 25, recipient_email: "nobody@example.com", status: "sent" },
  ]);

  const dry = await k.run({ dryRun: true });
  assert.equal(dry.plan.creates, 2);
  assert.equal(dry.plan.associationsToCreate, 2, "the recent contact and its open deal");
  assert.ok(dry.plan.samples.some((sample) => sample.detail.includes("would create the custom object gift_transaction")));
  assert.equal(k.portal.schemas.find("gift_transaction"), undefined, "a dry run creates no schema");

  const first = await k.run();
  assert.equal(first.created, 2);
  assert.equal(first.orphans, 1);
  const schema = k.portal.schemas.find("gift_transaction");
  assert.ok(schema !== undefined, "the custom object was created");
  const gifts = k.records("gift_transaction");
  const byTx = new Map([...gifts].map(([id, props]) => [props["transaction_id"], id]));
  const g1 = byTx.get("g1") ?? "";
  const g2 = byTx.get("g2") ?? "";
  assert.equal(gifts.get(g1)?.["recipient_email"], "ann@example.com");
  assert.deepEqual([...k.associations("gift_transaction", g1, "contacts").keys()], [recent]);
  assert.deepEqual([...k.associations("gift_transaction", g1, "deals").keys()], [open]);
  assert.deepEqual([...k.associations("gift_transaction", g2, "contacts").keys()], []);
  const orphans = await k.store.outboundOrphans(syncId("push"), k.portalId);
  assert.deepEqual(orphans.map((o) => `${o.rowKey}:${o.targetKey}`), ["g2:nobody@example.com"]);
  assert.equal((await k.rows()).get("g2")?.status, "synced", "an orphan is written, not failed");

  // The recipient becomes a contact, with an open deal: the next hourly run sends no record (no row
  // changed) but links the orphan to the contact and its open deal.
  const nobody = contact(k, { email: "nobody@example.com", firstname: "No Body" });
  const theirs = deal(k, "qualifiedtobuy", nobody);
  const hourly = await callsDuring(k, () => k.run());
  assert.equal(hourly.value.created + hourly.value.updated, 0);
  assert.equal(hourly.value.orphans, 0);
  assert.deepEqual(Object.keys(hourly.calls).filter((kind) => ["create", "update", "upsert"].includes(kind)), []);
  assert.deepEqual([...k.associations("gift_transaction", g2, "contacts").keys()], [nobody]);
  assert.deepEqual([...k.associations("gift_transaction", g2, "deals").keys()], [theirs]);
  assert.deepEqual(await k.store.outboundOrphans(syncId("push"), k.portalId), []);
  const quiet = await k.run();
  assert.equal(quiet.writeCalls, 0);

  // The older contact becomes the most recently active: the re-association job moves g1 to it and its open deal.
  const contacts = k.portal.store(k.portal.resolveType("contacts"));
  contacts.update(contacts.get(older) ?? assert.fail(), { notes_last_updated: "2024-09-01T10:00:00.000Z" }, { sourceType: "CRM_UI" }, k.clock.now());
  const olderDeal = [...k.associations("contacts", older, "deals").keys()];
  const moved = await k.reassociate();
  assert.equal(moved.created + moved.updated, 0);
  assert.deepEqual([...k.associations("gift_transaction", g1, "contacts").keys()], [older]);
  assert.deepEqual([...k.associations("gift_transaction", g1, "deals").keys()], olderDeal);
  assert.equal(moved.associationsRemoved, 2, "the recent contact and its deal, which this sync wrote");

  // A status change travels alone; a deal that closes is unlinked by the next re-association.
  writeGifts(k, [
    { transaction_id: "g1", name: "Flowers", amount: 40, recipient_email: "ann@example.com", status: "delivered" },
    { transaction_id: "g2", name: "Wine", amount: 25, recipient_email: "nobody@example.com", status: "sent" },
  ]);
  const status = await k.run();
  assert.equal(status.updated, 1);
  assert.equal(status.unchanged, 1);
  assert.equal(k.records("gift_transaction").get(g1)?.["status"], "delivered");
  const deals = k.portal.store(k.portal.resolveType("deals"));
  deals.update(deals.get(theirs) ?? assert.fail(), { dealstage: "closedlost" }, { sourceType: "CRM_UI" }, k.clock.now());
  const closing = await k.reassociate();
  assert.equal(closing.associationsRemoved, 1);
  assert.deepEqual([...k.associations("gift_transaction", g2, "deals").keys()], []);
  assert.deepEqual([...k.associations("gift_transaction", g2, "contacts").keys()], [nobody]);
});
