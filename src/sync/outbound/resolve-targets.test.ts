import assert from "node:assert/strict";
import { test } from "node:test";
import { hubSpotId } from "../../core/ids.ts";
import type { HubSpotRecord } from "../../hubspot/index.ts";
import { mostRecentlyActive } from "./resolve-targets.ts";

const record = (id: string, activity: string | null, modified: string): HubSpotRecord => ({
  id: hubSpotId(id),
  properties: { notes_last_updated: activity, lastmodifieddate: modified },
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: modified,
  archived: false,
});

test("most recently active: the latest activity wins; without activity, the latest modification; then the highest id", () => {
  const pick = (...records: HubSpotRecord[]): string => mostRecentlyActive(records, "lastmodifieddate").id;
  assert.equal(pick(record("1", "2024-05-01T00:00:00Z", "2024-01-01T00:00:00Z"), record("2", "2024-03-01T00:00:00Z", "2024-09-01T00:00:00Z")), "1");
  assert.equal(pick(record("1", null, "2024-09-01T00:00:00Z"), record("2", "2024-03-01T00:00:00Z", "2024-01-01T00:00:00Z")), "2", "an activity date beats none");
  assert.equal(pick(record("1", null, "2024-01-01T00:00:00Z"), record("2", null, "2024-02-01T00:00:00Z")), "2");
  assert.equal(pick(record("1", "1714521600000", "2024-01-01T00:00:00Z"), record("2", "2024-04-01T00:00:00Z", "2024-01-01T00:00:00Z")), "1", "epoch milliseconds read as dates");
  assert.equal(pick(record("9", null, "2024-01-01T00:00:00Z"), record("10", null, "2024-01-01T00:00:00Z")), "10");
});
