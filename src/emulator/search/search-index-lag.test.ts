import assert from "node:assert/strict";
import { test } from "node:test";
import { searchKit, where } from "./search-test-kit.ts";

const LAG = 1000;

/** A kit whose clock only moves when told, with HubSpot-like index lag. */
function laggingKit() {
  const kit = searchKit({ indexLagMs: LAG });
  kit.emulator.parts.state.clock.freeze(true);
  return kit;
}

const byName = (firstname: string) => where({ propertyName: "firstname", operator: "EQ", value: firstname });

test("a new record is invisible to search until the clock passes write time + lag", async () => {
  const kit = laggingKit();
  const ann = kit.create("contacts", { firstname: "Ann" }).id;
  assert.deepEqual(await kit.ids("contacts", byName("ann")), []);
  assert.equal((await kit.search("contacts", {})).body.total, 0);
  kit.advance(LAG - 1);
  assert.deepEqual(await kit.ids("contacts", byName("ann")), []);
  kit.advance(1);
  assert.deepEqual(await kit.ids("contacts", byName("ann")), [ann]);
});

test("an update shows the old version — old values, old updatedAt — until its moment comes", async () => {
  const kit = laggingKit();
  const record = kit.create("contacts", { firstname: "Ann", lastname: "Lee" });
  kit.advance(LAG);
  const before = (await kit.search("contacts", byName("ann"))).body.results[0];
  kit.advance(5);
  kit.update("contacts", record, { firstname: "Anna" });
  assert.equal(record.properties["firstname"], "Anna");

  const stale = await kit.search("contacts", byName("ann"));
  assert.deepEqual(stale.body.results.map((r) => r.id), [record.id]);
  assert.equal(stale.body.results[0]?.properties["firstname"], "Ann");
  assert.equal(stale.body.results[0]?.updatedAt, before?.updatedAt);
  assert.deepEqual(await kit.ids("contacts", byName("anna")), []);

  kit.advance(LAG);
  const fresh = await kit.search("contacts", byName("anna"));
  assert.deepEqual(fresh.body.results.map((r) => r.id), [record.id]);
  assert.equal(fresh.body.results[0]?.properties["firstname"], "Anna");
  assert.notEqual(fresh.body.results[0]?.updatedAt, before?.updatedAt);
  assert.deepEqual(await kit.ids("contacts", byName("ann")), []);
});

test("the lag is read when a write happens: changing it later does not move writes already made", async () => {
  const kit = laggingKit();
  const options = kit.emulator.parts.state.options;
  const early = kit.create("contacts", { firstname: "Early" });
  options.indexLagMs = 0;
  const late = kit.create("contacts", { firstname: "Late" }).id;
  // The later write is visible at once; the earlier one still waits out its own lag.
  assert.deepEqual(await kit.ids("contacts", {}), [late]);
  kit.update("contacts", early, { lastname: "Changed" });
  assert.equal((await kit.search("contacts", byName("early"))).body.results[0]?.properties["lastname"], "Changed");
  kit.advance(LAG);
  // The create's moment comes last, but it must not roll back the newer update already shown.
  const shown = await kit.search("contacts", { ...byName("early"), properties: ["lastname"] });
  assert.equal(shown.body.results[0]?.properties["lastname"], "Changed");
  assert.deepEqual(await kit.ids("contacts", {}), [early.id, late]);
});

test("archived records leave search once the archive is indexed, and come back when restored", async () => {
  const kit = laggingKit();
  const portal = kit.portal;
  const store = portal.store(portal.resolveType("contacts"));
  const gone = kit.create("contacts", { firstname: "Gone" });
  const kept = kit.create("contacts", { firstname: "Kept" }).id;
  kit.advance(LAG);
  kit.archive("contacts", gone);
  assert.deepEqual(await kit.ids("contacts", {}), [gone.id, kept]);
  kit.advance(LAG);
  assert.deepEqual(await kit.ids("contacts", {}), [kept]);
  assert.deepEqual(await kit.ids("contacts", byName("gone")), []);
  store.restore(gone, { sourceType: "INTEGRATION" }, kit.emulator.parts.state.clock.now());
  kit.advance(LAG);
  assert.deepEqual(await kit.ids("contacts", {}), [gone.id, kept]);
});

test("merged-away records never appear; the survivor does, once indexed", async () => {
  const kit = laggingKit();
  const store = kit.portal.store(kit.portal.resolveType("contacts"));
  const primary = kit.create("contacts", { firstname: "Primary", email: "p@example.com" });
  const loser = kit.create("contacts", { firstname: "Loser", email: "l@example.com" });
  kit.advance(LAG);
  const survivor = store.merge(primary, loser, { sourceType: "INTEGRATION" }, kit.emulator.parts.state.clock.now());
  kit.advance(LAG);
  assert.deepEqual(await kit.ids("contacts", {}), [survivor.id]);
  assert.deepEqual(await kit.ids("contacts", byName("loser")), []);
  assert.deepEqual(await kit.ids("contacts", byName("primary")), [survivor.id]);
});

test("flush makes every pending write visible now", async () => {
  const kit = laggingKit();
  const ids = [kit.create("contacts", { firstname: "A" }).id, kit.create("companies", { name: "B" }).id];
  assert.equal(kit.emulator.parts.search.pendingWrites(), 2);
  kit.emulator.parts.search.flush();
  assert.equal(kit.emulator.parts.search.pendingWrites(), 0);
  assert.deepEqual(await kit.ids("contacts", {}), [ids[0]]);
  assert.deepEqual(await kit.ids("companies", {}), [ids[1]]);
});

test("with lag 0 a write is searchable at once", async () => {
  const kit = searchKit({ indexLagMs: 0 });
  const id = kit.create("contacts", { firstname: "Now" }).id;
  assert.deepEqual(await kit.ids("contacts", byName("now")), [id]);
});

test("columns built before a write stay current as writes are applied", async () => {
  const kit = searchKit();
  const a = kit.create("contacts", { firstname: "Ann", lifecyclestage: "lead" });
  const b = kit.create("contacts", { firstname: "Bob", lifecyclestage: "lead" }).id;
  // Build the columns (and the posting lists behind EQ) first.
  assert.deepEqual(await kit.ids("contacts", where({ propertyName: "lifecyclestage", operator: "EQ", value: "lead" })), [a.id, b]);
  kit.update("contacts", a, { lifecyclestage: "customer" });
  const c = kit.create("contacts", { firstname: "Cy", lifecyclestage: "lead" }).id;
  assert.deepEqual(await kit.ids("contacts", where({ propertyName: "lifecyclestage", operator: "EQ", value: "lead" })), [b, c]);
  assert.deepEqual(await kit.ids("contacts", where({ propertyName: "lifecyclestage", operator: "EQ", value: "customer" })), [a.id]);
  kit.update("contacts", a, { lifecyclestage: "lead" });
  assert.deepEqual(await kit.ids("contacts", where({ propertyName: "lifecyclestage", operator: "IN", values: ["lead", "customer"] })), [a.id, b, c]);
  assert.deepEqual(await kit.ids("contacts", { sorts: ["-firstname"] }), [c, b, a.id]);
});
