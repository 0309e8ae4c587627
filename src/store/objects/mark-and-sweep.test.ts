import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { contact, contactProperties, ids, otherPortal, portal, run1, run2 } from "../test-support/record-builders.ts";

const at = "2024-03-05T08:00:00.000Z";

bothStores("sweepUnseen marks exactly the rows the run did not see", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction(async (tx) => {
    await store.upsertRecords(tx, portal, "contacts", ids(1, 10).map((id) => contact(id)), run1);
    await store.upsertRecords(tx, otherPortal, "contacts", [contact(99)], run1);
  });
  // Run 2 sees all but 3, 5 and 8; 9 was already deleted and 10 merged away before.
  const swept = await store.transaction(async (tx) => {
    await store.markDeleted(tx, portal, "contacts", ["9"], "2024-03-02T00:00:00Z");
    await store.markMerged(tx, portal, "contacts", "10", "1", "2024-03-02T00:00:00Z");
    await store.upsertRecords(tx, portal, "contacts", ["1", "2", "4", "6", "7"].map((id) => contact(id)), run2);
    return store.sweepUnseen(tx, portal, "contacts", run2, at);
  });
  assert.deepEqual([...swept].sort(), ["3", "5", "8"]);
  assert.equal((await store.getRecord(portal, "contacts", "3"))?.deletedAt, at);
  assert.equal((await store.getRecord(portal, "contacts", "9"))?.deletedAt, "2024-03-02T00:00:00.000Z", "earlier marks stay");
  assert.equal((await store.getRecord(portal, "contacts", "2"))?.deletedAt, null);
  assert.equal(await store.countRows(portal, "contacts"), 5);
  assert.equal(await store.countRows(portal, "contacts", { includeDeleted: true }), 10, "rows are marked, never dropped");
  assert.equal(await store.countRows(otherPortal, "contacts"), 1, "another portal is untouched");
  // A second sweep of the same run finds nothing new.
  assert.deepEqual(await store.transaction((tx) => store.sweepUnseen(tx, portal, "contacts", run2, at)), []);
});

bothStores("markArchived marks exactly the archived ids, once", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", ids(1, 100).map((id) => contact(id)), run1));
  const archivedIds = ids(11, 50);
  const marked = await store.transaction((tx) => store.markArchived(tx, portal, "contacts", [...archivedIds, "404"], at));
  assert.deepEqual([...marked].sort(), [...archivedIds].sort(), "an id never stored is ignored");
  assert.equal(await store.countRows(portal, "contacts"), 50);
  const row = await store.getRecord(portal, "contacts", "11");
  assert.equal(row?.archived, true);
  assert.equal(row?.archivedAt, at);
  assert.equal(row?.deletedAt, at);
  assert.deepEqual(await store.transaction((tx) => store.markArchived(tx, portal, "contacts", archivedIds, at)), []);
});

bothStores("an archived record read from HubSpot is stored marked; a restored one comes back live", async ({ store, clock }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) =>
    store.upsertRecords(tx, portal, "contacts", [{ ...contact(1), archived: true, archivedAt: "2024-02-10T00:00:00Z" }, contact(2)], run1),
  );
  const archived = await store.getRecord(portal, "contacts", "1");
  assert.equal(archived?.archived, true);
  assert.equal(archived?.deletedAt, "2024-02-10T00:00:00.000Z");
  assert.equal(await store.countRows(portal, "contacts"), 1);

  clock.advance(1_000);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(1)], run2));
  const restored = await store.getRecord(portal, "contacts", "1");
  assert.equal(restored?.archived, false);
  assert.equal(restored?.archivedAt, null);
  assert.equal(restored?.deletedAt, null);
  assert.equal(await store.countRows(portal, "contacts"), 2);
});

bothStores("markDeleted marks only live rows and returns them", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", ids(1, 3).map((id) => contact(id)), run1));
  assert.deepEqual(await store.transaction((tx) => store.markDeleted(tx, portal, "contacts", ["2", "2"], at)), ["2"]);
  assert.deepEqual(await store.transaction((tx) => store.markDeleted(tx, portal, "contacts", ["2", "3"], at)), ["3"]);
  assert.equal(await store.countRows(portal, "contacts"), 1);
});
