import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { BatchResponseSimplePublicObjectWithErrors } from "@hubspot/api-client/lib/codegen/crm/contacts/index.js";
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from "@hubspot/api-client/lib/codegen/crm/properties/index.js";
import { sdkError, suiteEmulator } from "./running-emulator.ts";

/** The SDK types a batch answer as a union; a 207's has `errors`. */
function errorsOf(answer: object): NonNullable<BatchResponseSimplePublicObjectWithErrors["errors"]> {
  return "errors" in answer ? ((answer as BatchResponseSimplePublicObjectWithErrors).errors ?? []) : [];
}

describe("conformance: batch endpoints through batchApi", () => {
  const hub = suiteEmulator();

  test("upsert by email: `new` (the SDK's `_new`) says created or updated", async () => {
    const existing = await hub.client.crm.contacts.basicApi.create({ properties: { email: "known@upsert.example", firstname: "Old" }, associations: [] });
    const answer = await hub.client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: "known@upsert.example", idProperty: "email", properties: { firstname: "Updated" } },
        { id: "fresh@upsert.example", idProperty: "email", properties: { firstname: "Fresh" } },
      ],
    });
    assert.equal(errorsOf(answer).length, 0);
    const byEmail = new Map(answer.results.map((r) => [r.properties["email"], r]));
    const updated = byEmail.get("known@upsert.example");
    const created = byEmail.get("fresh@upsert.example");
    assert.equal(updated?.id, existing.id);
    assert.equal(updated?._new, false);
    assert.equal(updated?.properties["firstname"], "Updated");
    assert.equal(created?._new, true);
    assert.notEqual(created?.id, existing.id);
    // The upsert wrote what it said: the created record is readable by its email.
    const read = await hub.client.crm.contacts.basicApi.getById("fresh@upsert.example", ["firstname"], undefined, undefined, false, "email");
    assert.equal(read.id, created?.id);
    // Upserting the same input again creates nothing.
    const again = await hub.client.crm.contacts.batchApi.upsert({ inputs: [{ id: "FRESH@upsert.example", idProperty: "email", properties: { firstname: "Again" } }] });
    assert.equal(again.results[0]?._new, false);
    assert.equal(again.results[0]?.id, created?.id);
  });

  test("upsert by a custom property with hasUniqueValue", async () => {
    await hub.client.crm.properties.coreApi.create("companies", {
      name: "external_id",
      label: "External ID",
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: "companyinformation",
      hasUniqueValue: true,
    });
    const first = await hub.client.crm.companies.batchApi.upsert({ inputs: [{ id: "ext-1", idProperty: "external_id", properties: { name: "One" } }] });
    assert.equal(first.results[0]?._new, true);
    assert.equal(first.results[0]?.properties["external_id"], "ext-1");
    const second = await hub.client.crm.companies.batchApi.upsert({
      inputs: [
        { id: "ext-1", idProperty: "external_id", properties: { name: "One renamed" } },
        { id: "ext-2", idProperty: "external_id", properties: { name: "Two" } },
      ],
    });
    const flags = Object.fromEntries(second.results.map((r) => [r.properties["external_id"], r._new]));
    assert.deepEqual(flags, { "ext-1": false, "ext-2": true });
    assert.equal(second.results.find((r) => r.properties["external_id"] === "ext-1")?.id, first.results[0]?.id);
    // A property without hasUniqueValue cannot be an idProperty.
    const error = await sdkError(() => hub.client.crm.companies.batchApi.upsert({ inputs: [{ id: "x", idProperty: "name", properties: {} }] }));
    assert.equal(error.code, 400);
    // Creating a second record with a taken unique value is a 409 CONFLICT.
    const conflict = await sdkError(() => hub.client.crm.companies.basicApi.create({ properties: { name: "Dup", external_id: "ext-2" }, associations: [] }));
    assert.equal(conflict.code, 409);
    assert.equal(conflict.body.category, "CONFLICT");
  });

  test("batch read with missing ids: 207, the SDK returns (does not throw) results plus errors", async () => {
    const a = await hub.client.crm.contacts.basicApi.create({ properties: { email: "a@read.example" }, associations: [] });
    const b = await hub.client.crm.contacts.basicApi.create({ properties: { email: "b@read.example" }, associations: [] });
    const input = { inputs: [{ id: a.id }, { id: "999999999" }, { id: b.id }], properties: ["email"], propertiesWithHistory: [] };
    const info = await hub.client.crm.contacts.batchApi.readWithHttpInfo(input);
    assert.equal(info.httpStatusCode, 207);
    const answer = await hub.client.crm.contacts.batchApi.read(input);
    assert.deepEqual(answer.results.map((r) => r.id).sort(), [a.id, b.id].sort());
    const errors = errorsOf(answer);
    assert.equal((answer as BatchResponseSimplePublicObjectWithErrors).numErrors, 1);
    assert.equal(errors[0]?.category, "OBJECT_NOT_FOUND");
    assert.deepEqual(errors[0]?.context?.["ids"], ["999999999"]);
    // With every id present it is a plain 200 with no errors.
    const clean = await hub.client.crm.contacts.batchApi.readWithHttpInfo({ inputs: [{ id: a.id }], properties: [], propertiesWithHistory: [] });
    assert.equal(clean.httpStatusCode, 200);
    assert.equal(errorsOf(clean.data).length, 0);
  });

  test("batch create with objectWriteTraceId and one bad input: 207, the good inputs written, the bad one named", async () => {
    const inputs = [
      { objectWriteTraceId: "t-1", properties: { email: "good1@create.example" }, associations: [] },
      { objectWriteTraceId: "t-2", properties: { email: "bad@create.example", lifecyclestage: "not-a-stage" }, associations: [] },
      { objectWriteTraceId: "t-3", properties: { email: "good3@create.example" }, associations: [] },
    ];
    const info = await hub.client.crm.contacts.batchApi.createWithHttpInfo({ inputs });
    assert.equal(info.httpStatusCode, 207);
    const answer = info.data;
    assert.deepEqual(answer.results.map((r) => r.objectWriteTraceId).sort(), ["t-1", "t-3"]);
    const errors = errorsOf(answer);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.category, "VALIDATION_ERROR");
    assert.deepEqual(errors[0]?.context?.["objectWriteTraceId"], ["t-2"]);
    assert.match(errors[0]?.message ?? "", /lifecyclestage/);
    const readBack = await hub.client.crm.contacts.batchApi.read({ inputs: [{ id: "good1@create.example" }, { id: "bad@create.example" }], idProperty: "email", properties: [], propertiesWithHistory: [] });
    assert.deepEqual(readBack.results.map((r) => r.properties["email"]), ["good1@create.example"]);
  });

  test("batch create without trace ids: one bad input fails the whole batch with a 400 and writes nothing", async () => {
    const error = await sdkError(() =>
      hub.client.crm.contacts.batchApi.create({
        inputs: [
          { properties: { email: "ok@all-or-nothing.example" }, associations: [] },
          { properties: { email: "ko@all-or-nothing.example", lifecyclestage: "not-a-stage" }, associations: [] },
        ],
      }),
    );
    assert.equal(error.code, 400);
    assert.equal(error.body.category, "VALIDATION_ERROR");
    const missing = await sdkError(() => hub.client.crm.contacts.basicApi.getById("ok@all-or-nothing.example", undefined, undefined, undefined, false, "email"));
    assert.equal(missing.code, 404);
  });

  test("batch create answers 201, update 200, archive 204; more than 100 inputs is a 400", async () => {
    const created = await hub.client.crm.deals.batchApi.createWithHttpInfo({ inputs: [{ properties: { dealname: "D1" }, associations: [] }, { properties: { dealname: "D2" }, associations: [] }] });
    assert.equal(created.httpStatusCode, 201);
    const ids = created.data.results.map((r) => r.id);
    const updated = await hub.client.crm.deals.batchApi.updateWithHttpInfo({ inputs: ids.map((id) => ({ id, properties: { amount: "10" } })) });
    assert.equal(updated.httpStatusCode, 200);
    assert.deepEqual(updated.data.results.map((r) => r.properties["amount"]), ["10", "10"]);
    const archived = await hub.client.crm.deals.batchApi.archiveWithHttpInfo({ inputs: ids.map((id) => ({ id })) });
    assert.equal(archived.httpStatusCode, 204);
    assert.equal((await sdkError(() => hub.client.crm.deals.basicApi.getById(ids[0]!))).code, 404);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ properties: { dealname: `X${i}` }, associations: [] }));
    assert.equal((await sdkError(() => hub.client.crm.deals.batchApi.create({ inputs: tooMany }))).code, 400);
  });
});
