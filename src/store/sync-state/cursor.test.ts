import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { contact, contactProperties, otherPortal, portal, run1, testSync } from "../test-support/record-builders.ts";

const key = { sync: testSync, stream: "contacts", portal };

bothStores("a cursor is versioned; a writer holding a stale version is refused", async ({ store, open }) => {
  assert.equal(await store.getCursor(key), undefined);
  const first = await store.transaction((tx) => store.putCursor(tx, key, { after: "2024-01-01T00:00:00Z", id: "5" }, 0));
  assert.ok(first.ok);
  assert.equal(first.value.version, 1);

  // Two writers read version 1; the first to write wins, the second fails and writes nothing.
  const other = await open();
  const readByA = await store.getCursor(key);
  const readByB = await other.getCursor(key);
  assert.equal(readByA?.version, 1);
  assert.equal(readByB?.version, 1);
  const a = await store.transaction((tx) => store.putCursor(tx, key, { after: "A" }, readByA?.version ?? 0));
  const b = await other.transaction((tx) => other.putCursor(tx, key, { after: "B" }, readByB?.version ?? 0));
  assert.ok(a.ok);
  assert.equal(a.value.version, 2);
  assert.equal(b.ok, false);
  if (!b.ok) assert.equal(b.error.code, "STORE_CONFLICT");
  assert.deepEqual((await store.getCursor(key))?.cursor, { after: "A" });

  // Creating a cursor that already exists is the same conflict.
  const again = await store.transaction((tx) => store.putCursor(tx, key, { after: "C" }, 0));
  assert.equal(again.ok, false);

  await store.transaction((tx) => store.putCursor(tx, { ...key, portal: otherPortal }, { after: "other" }, 0));
  await store.transaction((tx) => store.putCursor(tx, { ...key, stream: "companies" }, [1, 2], 0));
  const all = await store.cursors(testSync);
  assert.deepEqual(
    all.map((c) => [c.stream, c.portal, c.version, c.cursor]),
    [
      ["companies", portal, 1, [1, 2]],
      ["contacts", portal, 2, { after: "A" }],
      ["contacts", otherPortal, 1, { after: "other" }],
    ],
  );
});

bothStores("rows and the cursor that covers them commit together or not at all", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await assert.rejects(
    store.transaction(async (tx) => {
      await store.upsertRecords(tx, portal, "contacts", [contact(1), contact(2)], run1);
      const put = await store.putCursor(tx, key, { after: "page-1" }, 0);
      assert.ok(put.ok);
      assert.equal((await store.getCursor(key, tx))?.version, 1, "visible inside the transaction");
      throw new Error("crash after the page, before commit");
    }),
    /crash after the page/,
  );
  assert.equal(await store.getCursor(key), undefined);
  assert.equal(await store.countRows(portal, "contacts", { includeDeleted: true }), 0);

  await store.transaction(async (tx) => {
    await store.upsertRecords(tx, portal, "contacts", [contact(1), contact(2)], run1);
    const put = await store.putCursor(tx, key, { after: "page-1" }, 0);
    assert.ok(put.ok);
  });
  assert.equal((await store.getCursor(key))?.version, 1);
  assert.equal(await store.countRows(portal, "contacts"), 2);
});
