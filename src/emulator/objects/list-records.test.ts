import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import { encodeListCursor } from "./list-cursor.ts";

/** Writes records straight into the store (the API is tested elsewhere; this is setup). */
function seedContacts(emulator: ReturnType<typeof emulatorApi>["emulator"], count: number): string[] {
  const portal = emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType("contacts"));
  const source = { sourceType: "INTEGRATION" };
  return Array.from({ length: count }, (_, i) => store.create({ firstname: `n${i}`, email: `c${i}@example.com` }, source, emulator.parts.state.clock.now()).id);
}

test("paging with small pages visits every record exactly once and the last page has no paging", async () => {
  const { call, emulator } = emulatorApi();
  const ids = seedContacts(emulator, 250);
  const seen: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await call("GET", `/crm/v3/objects/contacts?limit=7${after === undefined ? "" : `&after=${encodeURIComponent(after)}`}`);
    assert.equal(page.status, 200);
    pages++;
    seen.push(...page.body.results.map((r: { id: string }) => r.id));
    if (page.body.paging === undefined) {
      assert.ok(page.body.results.length <= 7);
      break;
    }
    assert.equal(page.body.results.length, 7);
    after = page.body.paging.next.after;
    assert.equal(typeof after, "string");
    assert.equal(new URL(page.body.paging.next.link).searchParams.get("after"), after);
  }
  assert.deepEqual(seen, ids, "every id once, in creation order");
  assert.equal(pages, Math.ceil(250 / 7));
});

test("a list whose records fill the last page exactly has no paging on it", async () => {
  const { call, emulator } = emulatorApi();
  seedContacts(emulator, 20);
  const first = await call("GET", "/crm/v3/objects/contacts");
  assert.equal(first.body.results.length, 10, "default limit is 10");
  const second = await call("GET", `/crm/v3/objects/contacts?after=${first.body.paging.next.after}`);
  assert.equal(second.body.results.length, 10);
  assert.equal(second.body.paging, undefined);
});

test("limit is capped at listPageMax, and at historyPageMax when history is asked", async () => {
  const { call, emulator } = emulatorApi({ limits: { listPageMax: 5, historyPageMax: 3 } });
  seedContacts(emulator, 12);
  assert.equal((await call("GET", "/crm/v3/objects/contacts?limit=100")).body.results.length, 5);
  const withHistory = await call("GET", "/crm/v3/objects/contacts?limit=100&propertiesWithHistory=firstname");
  assert.equal(withHistory.body.results.length, 3);
  assert.equal(withHistory.body.results[0].propertiesWithHistory.firstname[0].value, "n0");
});

test("properties are accepted repeated and comma-separated alike", async () => {
  const { call, emulator } = emulatorApi();
  seedContacts(emulator, 1);
  const repeated = await call("GET", "/crm/v3/objects/contacts?properties=firstname&properties=email");
  const comma = await call("GET", "/crm/v3/objects/contacts?properties=firstname,email");
  assert.deepEqual(repeated.body.results[0].properties, { firstname: "n0", email: "c0@example.com" });
  assert.deepEqual(comma.body.results[0].properties, repeated.body.results[0].properties);
});

test("archived=true lists only archived records, and the default list leaves them out", async () => {
  const { call, emulator } = emulatorApi();
  const ids = seedContacts(emulator, 5);
  await call("DELETE", `/crm/v3/objects/contacts/${ids[1]}`);
  await call("POST", "/crm/v3/objects/contacts/batch/archive", { inputs: [{ id: ids[3] }] });
  const live = await call("GET", "/crm/v3/objects/contacts");
  assert.deepEqual(live.body.results.map((r: { id: string }) => r.id), [ids[0], ids[2], ids[4]]);
  const archived = await call("GET", "/crm/v3/objects/contacts?archived=true");
  assert.deepEqual(archived.body.results.map((r: { id: string }) => r.id), [ids[1], ids[3]]);
  assert.ok(archived.body.results.every((r: { archived: boolean }) => r.archived));
});

test("an after the emulator never handed out is a 400", async () => {
  const { call } = emulatorApi();
  const answer = await call("GET", "/crm/v3/objects/contacts?after=not-a-cursor");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.category, "VALIDATION_ERROR");
});

test("a page deep in a large store is read from the cursor's row, not scanned from the start", async () => {
  const { call, emulator } = emulatorApi();
  const ids = seedContacts(emulator, 50_000);
  const store = emulator.parts.state.defaultPortal.store(emulator.parts.state.defaultPortal.resolveType("contacts"));
  const after = encodeListCursor(store.get(ids[49_000] ?? "")?.row ?? -1);
  let scanned = 0;
  const scan = store.scan.bind(store);
  store.scan = function* (fromRow, archived, now) {
    for (const record of scan(fromRow, archived, now)) {
      scanned++;
      yield record;
    }
  };
  const deep = await call("GET", `/crm/v3/objects/contacts?limit=100&after=${after}`);
  assert.equal(deep.body.results.length, 100);
  assert.equal(deep.body.results[0].id, ids[49_000]);
  assert.ok(scanned <= 101, `read ${scanned} records for a page of 100`);
});
