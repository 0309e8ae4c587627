import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { contact, contactProperties, portal, run1 } from "../test-support/record-builders.ts";

const at = "2024-03-05T08:00:00.000Z";
const unlabelled = (toId: string, typeId = 279) => ({ toId, typeId, category: "HUBSPOT_DEFINED", label: null });

bothStores("a merge marks the loser merged into the survivor and re-points its associations", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction(async (tx) => {
    await store.upsertRecords(tx, portal, "contacts", [contact(1), contact(2), contact(3)], run1);
    // loser 2 → companies 10 and 11; survivor 1 → company 10 already.
    await store.replaceAssociations(tx, portal, "contacts", "companies", ["1", "2"], [
      { fromId: "1", ...unlabelled("10") },
      { fromId: "2", ...unlabelled("10") },
      { fromId: "2", ...unlabelled("11") },
      { fromId: "2", toId: "11", typeId: 1, category: "HUBSPOT_DEFINED", label: "Primary" },
    ]);
    // The reverse direction and a contact-to-contact pair between the two merged records.
    await store.replaceAssociations(tx, portal, "companies", "contacts", ["11"], [{ fromId: "11", ...unlabelled("2", 280) }]);
    await store.replaceAssociations(tx, portal, "contacts", "contacts", ["2"], [
      { fromId: "2", ...unlabelled("1", 449) },
      { fromId: "2", ...unlabelled("3", 449) },
    ]);
  });

  const result = await store.transaction((tx) => store.markMerged(tx, portal, "contacts", "2", "1", at));
  assert.equal(result.loserMarked, true);

  const loser = await store.getRecord(portal, "contacts", "2");
  assert.equal(loser?.mergedInto, "1");
  assert.equal(loser?.deletedAt, at);
  assert.equal((await store.getRecord(portal, "contacts", "1"))?.mergedInto, null);
  assert.equal(await store.countRows(portal, "contacts"), 2);
  assert.equal(await store.survivorOf(portal, "contacts", "2"), "1");

  const pairs = async (query: Parameters<typeof store.associations>[1]) =>
    (await store.associations(portal, query)).map((a) => `${a.fromType}:${a.fromId}->${a.toType}:${a.toId}/${a.typeId}${a.label === null ? "" : `:${a.label}`}`);
  assert.deepEqual(await pairs({ fromType: "contacts", toType: "companies" }), [
    "contacts:1->companies:10/279",
    "contacts:1->companies:11/1:Primary",
    "contacts:1->companies:11/279",
  ]);
  assert.deepEqual(await pairs({ fromType: "companies" }), ["companies:11->contacts:1/280"]);
  assert.deepEqual(await pairs({ fromType: "contacts", toType: "contacts" }), ["contacts:1->contacts:3/449"], "no self-association");
});

bothStores("merge chains resolve to the last survivor; a loser never synced is still recorded", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(2), contact(3)], run1));
  await store.transaction((tx) => store.markMerged(tx, portal, "contacts", "1", "2", at));
  const second = await store.transaction((tx) => store.markMerged(tx, portal, "contacts", "2", "3", at));
  assert.equal(second.loserMarked, true);
  assert.equal(await store.survivorOf(portal, "contacts", "1"), "3");
  assert.equal(await store.survivorOf(portal, "contacts", "2"), "3");
  assert.equal(await store.survivorOf(portal, "contacts", "3"), undefined);
  assert.deepEqual(await store.transaction((tx) => store.markMerged(tx, portal, "contacts", "4", "4", at)), {
    loserMarked: false,
    associationsRepointed: 0,
  });
});
