import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { portal } from "../test-support/record-builders.ts";

const row = (fromId: string, toId: string, typeId = 279, label: string | null = null) => ({
  fromId,
  toId,
  typeId,
  category: label === null ? "HUBSPOT_DEFINED" : "USER_DEFINED",
  label,
});

bothStores("replaceAssociations makes the stored set equal to the rows for the given from-ids", async ({ store, clock }) => {
  const first = await store.transaction((tx) =>
    store.replaceAssociations(tx, portal, "contacts", "companies", ["1", "2", "3"], [
      row("1", "10"),
      row("1", "11"),
      row("2", "10"),
      row("2", "10", 5, "Boss"),
      row("3", "12"),
    ]),
  );
  assert.deepEqual(first, { added: 5, updated: 0, removed: 0 });
  clock.advance(1_000);

  // 1 loses 11 and gains 13; 2's label changes; 3 is replaced with nothing; 4 is not in scope.
  await store.transaction((tx) => store.replaceAssociations(tx, portal, "contacts", "companies", ["4"], [row("4", "10")]));
  const second = await store.transaction((tx) =>
    store.replaceAssociations(tx, portal, "contacts", "companies", ["1", "2", "3"], [
      row("1", "10"),
      row("1", "13"),
      row("2", "10"),
      row("2", "10", 5, "Manager"),
    ]),
  );
  assert.deepEqual(second, { added: 1, updated: 1, removed: 2 });
  const stored = await store.associations(portal, { fromType: "contacts", toType: "companies" });
  assert.deepEqual(
    stored.map((a) => [a.fromId, a.toId, a.typeId, a.label]),
    [
      ["1", "10", 279, null],
      ["1", "13", 279, null],
      ["2", "10", 5, "Manager"],
      ["2", "10", 279, null],
      ["4", "10", 279, null],
    ],
  );
  const unchanged = stored.find((a) => a.fromId === "1" && a.toId === "10");
  assert.equal(unchanged?.syncedAt, "2024-03-01T12:00:00.000Z", "an unchanged pair is not rewritten");

  // Other target types of the same records are left alone.
  await store.transaction((tx) => store.replaceAssociations(tx, portal, "contacts", "deals", ["1"], [row("1", "77", 4)]));
  await store.transaction((tx) => store.replaceAssociations(tx, portal, "contacts", "companies", ["1"], []));
  assert.equal((await store.associations(portal, { fromType: "contacts", fromId: "1" })).length, 1);
});

bothStores("a row whose from-id is outside the replaced set is a bug and writes nothing", async ({ store }) => {
  await assert.rejects(
    store.transaction((tx) => store.replaceAssociations(tx, portal, "contacts", "companies", ["1"], [row("1", "10"), row("2", "10")])),
    /outside the from-ids/,
  );
  assert.deepEqual(await store.associations(portal, { fromType: "contacts" }), []);
});

bothStores("thousands of associations, past one statement's parameter limit, are inserted and removed in chunks", async ({ store }) => {
  // 9 parameters a row: 8,000 rows is 72,000 parameters, past both drivers' limits.
  const fromIds = Array.from({ length: 800 }, (_, i) => String(i + 1));
  const rows = fromIds.flatMap((fromId) => Array.from({ length: 10 }, (_, j) => row(fromId, String(1_000 + j))));
  const added = await store.transaction((tx) => store.replaceAssociations(tx, portal, "contacts", "companies", fromIds, rows));
  assert.equal(added.added, 8_000);
  const removed = await store.transaction((tx) =>
    store.replaceAssociations(tx, portal, "contacts", "companies", fromIds, rows.filter((r) => r.toId === "1000")),
  );
  assert.deepEqual(removed, { added: 0, updated: 0, removed: 7_200 });
  assert.equal((await store.associations(portal, { fromType: "contacts" })).length, 800);
});
