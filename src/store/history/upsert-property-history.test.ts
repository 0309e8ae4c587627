import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { portal } from "../test-support/record-builders.ts";

bothStores("property history is stored once per record, property, timestamp and value", async ({ store }) => {
  const longNote = "note ".repeat(2_000); // past what a btree index could hold as a key
  const entries = [
    { objectId: "1", property: "lifecyclestage", value: "lead", timestamp: "2024-01-01T00:00:00Z", sourceType: "CRM_UI", updatedByUserId: 5 },
    { objectId: "1", property: "lifecyclestage", value: "customer", timestamp: "2024-02-01T00:00:00.000Z", sourceType: "API", sourceId: "app-1" },
    { objectId: "1", property: "notes", value: longNote, timestamp: "1706745600000" },
    { objectId: "1", property: "notes", value: null, timestamp: "2024-03-01T00:00:00Z" },
  ];
  const first = await store.transaction((tx) => store.upsertPropertyHistory(tx, portal, "contacts", entries));
  assert.equal(first.inserted, 4);
  const second = await store.transaction((tx) =>
    store.upsertPropertyHistory(tx, portal, "contacts", [
      ...entries,
      { objectId: "1", property: "lifecyclestage", value: "lead", timestamp: "2024-02-01T00:00:00Z" },
      { objectId: "1", property: "lifecyclestage", value: "x", timestamp: "last tuesday" },
    ]),
  );
  assert.equal(second.inserted, 1, "only the entry with a new (timestamp, value) is added");
  assert.equal(second.rejected.length, 1);

  const history = await store.propertyHistory(portal, "contacts", "1", "lifecyclestage");
  assert.deepEqual(
    history.map((h) => [h.value, h.timestamp, h.sourceType, h.sourceId, h.updatedByUserId]),
    [
      ["lead", "2024-01-01T00:00:00.000Z", "CRM_UI", null, "5"],
      ["customer", "2024-02-01T00:00:00.000Z", "API", "app-1", null],
      ["lead", "2024-02-01T00:00:00.000Z", null, null, null],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
  );
  const notes = await store.propertyHistory(portal, "contacts", "1", "notes");
  assert.equal(notes[0]?.value, longNote);
  assert.equal(notes[0]?.timestamp, "2024-02-01T00:00:00.000Z");
});
