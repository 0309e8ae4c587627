import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { contact, contactProperties, portal, run1, run2 } from "../test-support/record-builders.ts";

bothStores("ensureObjectTable creates a table named after the type and records its columns", async ({ store }) => {
  const result = await store.ensureObjectTable("contacts", contactProperties);
  assert.equal(result.created, true);
  assert.equal(result.table.tableName, "hs_contacts");
  assert.deepEqual(
    result.table.columns.map((c) => [c.property, c.column, c.hubspotType, c.kind]),
    [
      ["email", "email", "string", "text"],
      ["firstname", "firstname", "string", "text"],
      ["hs_object_id", "hs_object_id", "number", "double"],
    ],
  );
  const again = await store.ensureObjectTable("contacts", contactProperties);
  assert.equal(again.created, false);
  assert.deepEqual(again.addedColumns, []);
  assert.deepEqual((await store.objectTables()).map((t) => t.tableName), ["hs_contacts"]);
});

bothStores("a new property adds a column and keeps the rows and their values", async ({ store }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) =>
    store.upsertRecords(tx, portal, "contacts", [contact(1, { score: "7" }), contact(2)], run1),
  );
  const result = await store.ensureObjectTable("contacts", [...contactProperties, { name: "score", type: "number" }]);
  assert.deepEqual(result.addedColumns.map((c) => c.column), ["score"]);

  const before = await store.getRecord(portal, "contacts", "1");
  assert.equal(before?.properties["score"], "7", "the raw JSON already had it");
  assert.equal(before?.values["email"], "c1@example.com");
  assert.equal(before?.values["score"], null, "the new column starts empty until the record is written again");
  assert.equal(await store.countRows(portal, "contacts"), 2);

  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(1, { score: "7" })], run2));
  assert.equal((await store.getRecord(portal, "contacts", "1"))?.values["score"], 7);
});

bothStores("a property type change keeps the old column and raw JSON, reports it once", async ({ store }) => {
  await store.ensureObjectTable("deals", [{ name: "amount", type: "number" }]);
  await store.transaction((tx) =>
    store.upsertRecords(tx, portal, "deals", [{ id: "1", properties: { amount: "100.5" } }], run1),
  );
  const changed = await store.ensureObjectTable("deals", [{ name: "amount", type: "string" }]);
  assert.deepEqual(changed.typeChanges, [{ property: "amount", column: "amount", from: "number", to: "string" }]);
  assert.deepEqual(changed.addedColumns, []);
  const column = changed.table.columns[0];
  assert.equal(column?.hubspotType, "number");
  assert.equal(column?.latestHubspotType, "string");
  assert.deepEqual((await store.ensureObjectTable("deals", [{ name: "amount", type: "string" }])).typeChanges, []);

  const { warnings } = await store.transaction((tx) =>
    store.upsertRecords(tx, portal, "deals", [{ id: "1", properties: { amount: "about 100" } }], run2),
  );
  assert.equal(warnings.length, 1);
  const row = await store.getRecord(portal, "deals", "1");
  assert.equal(row?.values["amount"], null);
  assert.equal(row?.properties["amount"], "about 100");
});

bothStores("names are sanitised, stable and never collide with fixed tables or each other", async ({ store }) => {
  const gift = await store.ensureObjectTable("p_gift", [
    { name: "Gift Name", type: "string" },
    { name: "gift_name", type: "string" },
    { name: "1st-touch", type: "datetime" },
    { name: "deleted_at", type: "datetime" },
    { name: "x".repeat(80), type: "string" },
    { name: `${"x".repeat(80)}y`, type: "string" },
  ]);
  assert.equal(gift.table.tableName, "hs_p_gift");
  const columns = Object.fromEntries(gift.table.columns.map((c) => [c.property, c.column]));
  assert.equal(columns["Gift Name"], "gift_name");
  assert.equal(columns["gift_name"], "gift_name_2");
  assert.equal(columns["1st-touch"], "p_1st_touch");
  assert.equal(columns["deleted_at"], "deleted_at_2", "a property may not take a fixed column's name");
  const long = [columns["x".repeat(80)], columns[`${"x".repeat(80)}y`]];
  assert.ok(long.every((c) => c !== undefined && c.length <= 63));
  assert.notEqual(long[0], long[1]);

  // A type whose plain name is a fixed table gets another name; the registry keeps it stable.
  const owners = await store.ensureObjectTable("owners", []);
  assert.equal(owners.table.tableName, "hs_owners_2");
  const dashed = await store.ensureObjectTable("p-gift", []);
  assert.equal(dashed.table.tableName, "hs_p_gift_2");
  assert.equal((await store.ensureObjectTable("p-gift", [])).table.tableName, "hs_p_gift_2");

  await store.transaction((tx) =>
    store.upsertRecords(tx, portal, "p_gift", [{ id: "9", properties: { "Gift Name": "Mug", "1st-touch": "2024-05-01T10:00:00Z" } }], run1),
  );
  const row = await store.getRecord(portal, "p_gift", "9");
  assert.equal(row?.values["Gift Name"], "Mug");
  assert.equal(row?.values["1st-touch"], "2024-05-01T10:00:00.000Z");
});

bothStores("two stores ensuring the same table at once agree on one table and one set of columns", async ({ open }) => {
  const [a, b] = [await open(), await open()];
  const propsA = [...contactProperties, { name: "a_only", type: "string" }];
  const propsB = [...contactProperties, { name: "b_only", type: "bool" }];
  const results = await Promise.all([
    a.ensureObjectTable("contacts", propsA),
    b.ensureObjectTable("contacts", propsB),
    a.ensureObjectTable("contacts", propsB),
    b.ensureObjectTable("contacts", propsA),
  ]);
  assert.equal(results.filter((r) => r.created).length, 1);
  const final = await (await open()).objectTable("contacts");
  assert.deepEqual(final?.columns.map((c) => c.column), ["a_only", "b_only", "email", "firstname", "hs_object_id"]);
});

bothStores(
  "properties past the column limit stay in properties_json only",
  async ({ store }) => {
    const properties = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, type: "string" }));
    const result = await store.ensureObjectTable("tickets", properties);
    assert.equal(result.table.columns.length, 3);
    assert.deepEqual(result.untyped, ["p3", "p4"]);
    await store.transaction((tx) =>
      store.upsertRecords(tx, portal, "tickets", [{ id: "1", properties: { p0: "a", p4: "e" } }], run1),
    );
    const row = await store.getRecord(portal, "tickets", "1");
    assert.equal(row?.values["p0"], "a");
    assert.equal(row?.properties["p4"], "e");
  },
  { maxTypedColumns: 3 },
);

bothStores("a thousand filled properties fit a row: PostgreSQL types what its row width allows, SQLite types all", async ({ store }) => {
  const kinds = ["string", "number", "datetime", "bool", "date"];
  const properties = Array.from({ length: 1_000 }, (_, i) => ({ name: `p${i}`, type: kinds[i % kinds.length] ?? "string" }));
  const sample: Record<string, string> = { string: "short text", number: "12345.5", datetime: "2024-05-01T10:00:00.000Z", bool: "true", date: "2024-05-01" };
  const values = Object.fromEntries(properties.map((p) => [p.name, sample[p.type] ?? ""]));
  const result = await store.ensureObjectTable("deals", properties);
  if (store.kind === "postgres") {
    assert.ok(result.untyped.length > 0, "PostgreSQL must leave some of 1,000 properties untyped");
    assert.ok(result.table.columns.length > 200, `typed columns: ${result.table.columns.length}`);
  } else {
    assert.deepEqual(result.untyped, []);
  }
  await store.transaction((tx) => store.upsertRecords(tx, portal, "deals", [{ id: "7", properties: values }], run1));
  const row = await store.getRecord(portal, "deals", "7");
  assert.equal(row?.properties["p999"], values["p999"]);
  assert.equal(row?.values["p0"], "short text");
});

bothStores("a column added by another process is written by this one without re-ensuring", async ({ store, open }) => {
  await store.ensureObjectTable("contacts", contactProperties);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(1)], run1));
  const other = await open();
  await other.ensureObjectTable("contacts", [...contactProperties, { name: "score", type: "number" }]);
  await store.transaction((tx) => store.upsertRecords(tx, portal, "contacts", [contact(1, { score: "9" })], run2));
  assert.equal((await store.getRecord(portal, "contacts", "1"))?.values["score"], 9);
  assert.equal((await store.objectTable("contacts"))?.version, 2);
});
