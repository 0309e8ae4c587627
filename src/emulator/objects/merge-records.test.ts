import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

test("a merge makes a survivor with a new id that both old ids resolve to", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Acme", city: "Oslo" } });
  const b = await call("POST", "/crm/v3/objects/companies", { properties: { name: "Acme Inc", domain: "acme.test" } });
  const merged = await call("POST", "/crm/v3/objects/companies/merge", { primaryObjectId: a.body.id, objectIdToMerge: b.body.id });
  assert.equal(merged.status, 200);
  const survivor: string = merged.body.id;
  assert.notEqual(survivor, a.body.id);
  assert.notEqual(survivor, b.body.id);
  assert.deepEqual(merged.body.properties.hs_merged_object_ids.split(";").sort(), [a.body.id, b.body.id].sort());
  assert.equal(merged.body.properties.name, "Acme", "the primary's values win");
  assert.equal(merged.body.properties.domain, "acme.test", "the merged record fills gaps");
  for (const old of [a.body.id, b.body.id]) {
    const read = await call("GET", `/crm/v3/objects/companies/${old}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.id, survivor);
  }
  const list = await call("GET", "/crm/v3/objects/companies");
  assert.deepEqual(list.body.results.map((r: { id: string }) => r.id), [survivor]);
});

test("merging a record with itself, or with one that does not exist, is a 400", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { firstname: "A" } });
  const self = await call("POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: a.body.id, objectIdToMerge: a.body.id });
  assert.equal(self.status, 400);
  const missing = await call("POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: a.body.id, objectIdToMerge: "999999" });
  assert.equal(missing.status, 400);
  const absent = await call("POST", "/crm/v3/objects/contacts/merge", { primaryObjectId: a.body.id });
  assert.equal(absent.status, 400);
  assert.equal((await call("GET", `/crm/v3/objects/contacts/${a.body.id}`)).body.id, a.body.id, "nothing was merged");
});
