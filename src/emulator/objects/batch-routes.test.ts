import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

const liveContacts = (emulator: ReturnType<typeof emulatorApi>["emulator"]): number => {
  const portal = emulator.parts.state.defaultPortal;
  return portal.store(portal.resolveType("contacts")).liveCount;
};

test("batch create answers 201 with COMPLETE, results and timestamps", async () => {
  const { call } = emulatorApi();
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/create", {
    inputs: [{ properties: { email: "one@example.com" } }, { properties: { email: "two@example.com" } }],
  });
  assert.equal(answer.status, 201);
  assert.equal(answer.body.status, "COMPLETE");
  assert.deepEqual(answer.body.results.map((r: { properties: { email: string } }) => r.properties.email), ["one@example.com", "two@example.com"]);
  assert.ok(Date.parse(answer.body.startedAt) <= Date.parse(answer.body.completedAt));
  assert.equal(answer.body.errors, undefined);
});

test("without trace ids one invalid input fails the whole batch with 400 and nothing is written", async () => {
  const { call, emulator } = emulatorApi();
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/create", {
    inputs: [{ properties: { email: "good@example.com" } }, { properties: { email: "bad@example.com", shoe_size: "44" } }],
  });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.category, "VALIDATION_ERROR");
  assert.match(answer.body.message, /PROPERTY_DOESNT_EXIST/);
  assert.equal(liveContacts(emulator), 0);
});

test("with a trace id on every input, invalid inputs are reported one by one (207) and valid ones written", async () => {
  const { call, emulator } = emulatorApi();
  await call("POST", "/crm/v3/objects/contacts", { properties: { email: "taken@example.com" } });
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/create", {
    inputs: [
      { objectWriteTraceId: "t1", properties: { email: "good@example.com" } },
      { objectWriteTraceId: "t2", properties: { shoe_size: "44" } },
      { objectWriteTraceId: "t3", properties: { email: "taken@example.com" } },
      { objectWriteTraceId: "t4", properties: { email: "fine@example.com" } },
    ],
  });
  assert.equal(answer.status, 207);
  assert.equal(answer.body.status, "COMPLETE");
  assert.equal(answer.body.numErrors, 2);
  assert.deepEqual(answer.body.results.map((r: { objectWriteTraceId: string }) => r.objectWriteTraceId), ["t1", "t4"]);
  const byTrace = Object.fromEntries(answer.body.errors.map((e: { context: { objectWriteTraceId: string[] } }) => [e.context.objectWriteTraceId[0], e]));
  assert.equal(byTrace.t2.category, "VALIDATION_ERROR");
  assert.equal(byTrace.t2.status, "error");
  assert.equal(byTrace.t3.category, "CONFLICT");
  assert.equal(liveContacts(emulator), 3);
});

test("inputs beyond batchMaxInputs are a 400", async () => {
  const { call, emulator } = emulatorApi({ limits: { batchMaxInputs: 3 } });
  const inputs = Array.from({ length: 4 }, (_, i) => ({ properties: { email: `n${i}@example.com` } }));
  assert.equal((await call("POST", "/crm/v3/objects/contacts/batch/create", { inputs })).status, 400);
  assert.equal((await call("POST", "/crm/v3/objects/contacts/batch/read", { inputs: inputs.map((_, i) => ({ id: String(i) })) })).status, 400);
  assert.equal(liveContacts(emulator), 0);
  assert.equal((await call("POST", "/crm/v3/objects/contacts/batch/create", { inputs: inputs.slice(0, 3) })).status, 201);
});

test("batch read returns found records and a 207 error listing ids not found", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@example.com", firstname: "A" } });
  await call("PATCH", `/crm/v3/objects/contacts/${a.body.id}`, { properties: { firstname: "AA" } });
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/read", {
    properties: ["firstname"],
    propertiesWithHistory: ["firstname"],
    inputs: [{ id: a.body.id }, { id: "424242" }],
  });
  assert.equal(answer.status, 207);
  assert.equal(answer.body.results.length, 1);
  assert.deepEqual(answer.body.results[0].properties, { firstname: "AA" });
  assert.deepEqual(answer.body.results[0].propertiesWithHistory.firstname.map((h: { value: string }) => h.value), ["AA", "A"]);
  assert.equal(answer.body.numErrors, 1);
  assert.equal(answer.body.errors[0].category, "OBJECT_NOT_FOUND");
  assert.deepEqual(answer.body.errors[0].context.ids, ["424242"]);
  const byEmail = await call("POST", "/crm/v3/objects/contacts/batch/read", { idProperty: "email", properties: ["firstname"], inputs: [{ id: "A@example.com" }] });
  assert.equal(byEmail.status, 200);
  assert.equal(byEmail.body.results[0].id, a.body.id);
});

test("batch update writes found records, reports missing ids, and refuses duplicate ids", async () => {
  const { call } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@example.com" } });
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/update", {
    inputs: [{ id: a.body.id, properties: { firstname: "New" } }, { id: "424242", properties: { firstname: "Nobody" } }],
  });
  assert.equal(answer.status, 207);
  assert.equal(answer.body.results[0].properties.firstname, "New");
  assert.deepEqual(answer.body.errors[0].context.ids, ["424242"]);
  const byEmail = await call("POST", "/crm/v3/objects/contacts/batch/update", { inputs: [{ id: "a@example.com", idProperty: "email", properties: { lastname: "L" } }] });
  assert.equal(byEmail.status, 200);
  assert.equal(byEmail.body.results[0].properties.lastname, "L");
  const dup = await call("POST", "/crm/v3/objects/contacts/batch/update", {
    inputs: [{ id: a.body.id, properties: { firstname: "x" } }, { id: a.body.id, properties: { firstname: "y" } }],
  });
  assert.equal(dup.status, 400);
  const invalid = await call("POST", "/crm/v3/objects/contacts/batch/update", { inputs: [{ id: a.body.id, properties: { hs_email_optout: "perhaps" } }] });
  assert.equal(invalid.status, 400);
});

test("batch upsert matches by email case-insensitively and flags new records", async () => {
  const { call, emulator } = emulatorApi();
  const existing = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "known@example.com", firstname: "Old" } });
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/upsert", {
    inputs: [
      { id: "KNOWN@example.com", idProperty: "email", properties: { firstname: "Updated" } },
      { id: "fresh@example.com", idProperty: "email", properties: { firstname: "Fresh" } },
    ],
  });
  assert.equal(answer.status, 200);
  const [updated, created] = answer.body.results;
  assert.equal(updated.new, false);
  assert.equal(updated.id, existing.body.id);
  assert.equal(updated.properties.firstname, "Updated");
  assert.equal(created.new, true);
  assert.equal(created.properties.email, "fresh@example.com");
  assert.equal(liveContacts(emulator), 2);
  const again = await call("POST", "/crm/v3/objects/contacts/batch/upsert", { inputs: [{ id: "fresh@example.com", idProperty: "email", properties: { lastname: "F" } }] });
  assert.equal(again.body.results[0].new, false);
  assert.equal(again.body.results[0].id, created.id);
  const notUnique = await call("POST", "/crm/v3/objects/contacts/batch/upsert", { inputs: [{ id: "x", idProperty: "firstname", properties: {} }] });
  assert.equal(notUnique.status, 400);
});

test("batch archive answers 204, archives found records and ignores unknown ids", async () => {
  const { call, emulator } = emulatorApi();
  const a = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@example.com" } });
  const answer = await call("POST", "/crm/v3/objects/contacts/batch/archive", { inputs: [{ id: a.body.id }, { id: "424242" }] });
  assert.equal(answer.status, 204);
  assert.equal(liveContacts(emulator), 0);
  assert.equal((await call("GET", `/crm/v3/objects/contacts/${a.body.id}?archived=true`)).body.archived, true);
});
