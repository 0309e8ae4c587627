import assert from "node:assert/strict";
import { test } from "node:test";
import { hubSpotId } from "../core/ids.ts";
import { compareIds } from "./compare-ids.ts";
import type { ModifiedCursor } from "./search-modified-since.ts";
import { drain, emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

const CAP = 50;

/** Contacts in blocks that share one modified instant each, 1 ms apart: sizes cross the cap and page edges. */
async function seedBlocks(kit: EmulatorClientKit, sizes: number[]): Promise<Array<{ id: string; at: number }>> {
  const made: Array<{ id: string; at: number }> = [];
  for (const [b, size] of sizes.entries()) {
    kit.emulator.control.clock.advance(1);
    const at = kit.emulator.control.clock.now();
    const ids = await createRecords(kit, "contacts", size, (i) => ({ email: `b${b}-${i}@example.com` }));
    made.push(...ids.map((id) => ({ id, at })));
  }
  return made.sort((x, y) => x.at - y.at || compareIds(x.id, y.id));
}

function kitWithCap(): EmulatorClientKit {
  return emulatorClient({ limits: { searchResultCap: CAP } }, { limits: { searchResultCap: CAP } });
}

test("searchModifiedSince reads past the search cap, every id exactly once, in (modified, id) order, with big shared instants", async () => {
  const kit = kitWithCap();
  // 130 records at one instant (2.6 × the cap), single records, blocks just under and over half a page.
  const made = await seedBlocks(kit, [130, 1, 1, 24, 26, 1, 49, 50, 51, 3, 1, 7, 90, 1]);
  kit.emulator.control.stats.reset();
  const cursors: ModifiedCursor[] = [];
  const seen: string[] = [];
  for await (const page of kit.client.searchModifiedSince("contacts", { properties: ["email"] })) {
    seen.push(...page.results.map((r) => r.id));
    cursors.push(page.cursor);
  }
  assert.equal(new Set(seen).size, seen.length, "no duplicates");
  assert.deepEqual(seen, made.map((m) => m.id), "every id, in (modified date, id) order");
  for (let i = 1; i < cursors.length; i++) {
    const [a, b] = [cursors[i - 1]!, cursors[i]!];
    assert.ok(a.modifiedAt < b.modifiedAt || (a.modifiedAt === b.modifiedAt && compareIds(a.id ?? "", b.id ?? "") < 0), "cursors only move forward");
  }
  const stats = kit.emulator.control.stats.snapshot();
  assert.equal(stats.byStatus["400"], undefined, "never paged past the cap");
  assert.equal(kit.client.stats().calls.search, stats.total);
});

test("searchModifiedSince resumes from a cursor in the middle of a shared instant without loss or repeats", async () => {
  const kit = kitWithCap();
  const made = await seedBlocks(kit, [5, 120, 4, 60, 2]);
  // Resume inside the 120-record instant, after its 37th id, as a committed cursor would say.
  const resumeAt = made[5 + 36]!;
  const { items } = await drain(kit.client.searchModifiedSince("contacts", { since: { modifiedAt: resumeAt.at, id: hubSpotId(resumeAt.id) } }));
  assert.deepEqual(items.map((r) => r.id), made.slice(5 + 37).map((m) => m.id));
  // And from an instant with no id: everything modified at or after it.
  const third = made[5 + 120]!;
  const rest = await drain(kit.client.searchModifiedSince("contacts", { since: { modifiedAt: third.at, id: null } }));
  assert.deepEqual(rest.items.map((r) => r.id), made.slice(5 + 120).map((m) => m.id));
});

test("searchModifiedSince picks up records changed after the cursor and ANDs the caller's filters", async () => {
  const kit = kitWithCap();
  const made = await seedBlocks(kit, [70, 3]);
  const first = await drain(kit.client.searchModifiedSince("contacts", {}));
  const cursor = { modifiedAt: made.at(-1)!.at, id: hubSpotId(made.at(-1)!.id) };
  assert.equal(first.items.length, 73);
  kit.emulator.control.clock.advance(5);
  const changed = [made[3]!.id, made[40]!.id];
  for (const id of changed) assert.equal((await kit.api("PATCH", `/crm/v3/objects/contacts/${id}`, { properties: { firstname: "Changed" } })).status, 200);
  const next = await drain(kit.client.searchModifiedSince("contacts", { since: cursor, properties: ["firstname"] }));
  assert.deepEqual(next.items.map((r) => r.id), changed);
  assert.ok(next.items.every((r) => r.properties["firstname"] === "Changed"));
  const filtered = await drain(kit.client.searchModifiedSince("contacts", { filterGroups: [{ filters: [{ propertyName: "email", operator: "EQ", value: "b0-7@example.com" }] }] }));
  assert.deepEqual(filtered.items.map((r) => r.properties["email"]), ["b0-7@example.com"]);
});

test("searchModifiedSince refuses filter groups that leave no room for its window filters", async () => {
  const kit = kitWithCap();
  const filters = Array.from({ length: 5 }, (_, i) => ({ propertyName: "email", operator: "NEQ" as const, value: `x${i}` }));
  await assert.rejects(drain(kit.client.searchModifiedSince("contacts", { filterGroups: [{ filters }] })), { code: "HUBSPOT_BAD_REQUEST" });
});
