import assert from "node:assert/strict";
import { test } from "node:test";
import { callApiOk } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 4: with hundreds of properties, a GET naming them all is answered 414 URI Too Long.
// 1,000 custom properties (~45,000 characters of names; the emulator refuses URLs past
// 8,192): a full refresh must still bring every property of every record, raw and typed.

const PROPERTIES = 1_000;
const RECORDS = 25;
const kinds = [
  { type: "string", fieldType: "text" },
  { type: "number", fieldType: "number" },
  { type: "bool", fieldType: "booleancheckbox" },
  { type: "date", fieldType: "date" },
  { type: "enumeration", fieldType: "select" },
] as const;

const nameOf = (p: number): string => `custom_property_${String(p).padStart(4, "0")}_with_a_realistic_name`;
const kindOf = (p: number) => kinds[p % kinds.length]!;

function valueOf(record: number, p: number): string {
  switch (kindOf(p).type) {
    case "string":
      return `text ${record}/${p}`;
    case "number":
      return `${record * 1_000 + p}.5`;
    case "bool":
      return (record + p) % 2 === 0 ? "true" : "false";
    case "date":
      return `2024-0${1 + (record % 9)}-${String(10 + (p % 18)).padStart(2, "0")}`;
    case "enumeration":
      return (record + p) % 2 === 0 ? "alpha" : "beta";
  }
}

function typedValueOf(record: number, p: number): string | number | boolean {
  const raw = valueOf(record, p);
  switch (kindOf(p).type) {
    case "number":
      return Number(raw);
    case "bool":
      return raw === "true";
    default:
      return raw;
  }
}

for (const driver of drivers) {
  test(`pitfall 4: a full refresh of an object with 1,000 custom properties returns every property of every record, with no 414 [${driver}]`, async (t) => {
    const h = await inboundHarness(t, { driver, streams: "contacts: { strategy: full_refresh }" });
    const { emulator } = h;
    for (let start = 0; start < PROPERTIES; start += 100) {
      const inputs = [];
      for (let p = start; p < start + 100; p++) {
        const { type, fieldType } = kindOf(p);
        inputs.push({
          name: nameOf(p),
          label: `Custom property ${p}`,
          type,
          fieldType,
          groupName: "contactinformation",
          ...(type === "enumeration" ? { options: [{ label: "Alpha", value: "alpha" }, { label: "Beta", value: "beta" }] } : {}),
        });
      }
      await callApiOk(emulator, "POST", "/crm/v3/properties/contacts/batch/create", { inputs });
    }
    const created = await callApiOk<{ results: Array<{ id: string; properties: Record<string, string> }> }>(emulator, "POST", "/crm/v3/objects/contacts/batch/create", {
      inputs: Array.from({ length: RECORDS }, (_, r) => ({
        properties: { email: `wide${r}@example.com`, ...Object.fromEntries(Array.from({ length: PROPERTIES }, (_, p) => [nameOf(p), valueOf(r, p)])) },
      })),
    });
    const recordNumber = new Map(created.results.map((record) => [record.id, Number(/^wide(\d+)@/.exec(record.properties["email"] ?? "")?.[1])]));

    const summary = await h.run();
    assert.equal(streamOf(summary, "contacts").written, RECORDS);
    const tooLong = h.requests.entries.filter((r) => r.status === 414);
    assert.equal(tooLong.length, 0, "no request was answered 414");

    // Raw: every property of every record, as HubSpot holds it.
    const rows = await assertMirrorsEmulator(h.store, h.portalId, h.portal, "contacts");
    assert.equal(rows.size, RECORDS);

    // Typed: a column per property, of the property's kind, holding the coerced value — as far
    // as the store types columns (past its limit a property lives in properties_json only,
    // which holds every value, as checked above).
    const table = await h.store.objectTable("contacts");
    assert.ok(table !== undefined);
    const columns = new Map(table.columns.map((c) => [c.property, c]));
    const typed = Array.from({ length: PROPERTIES }, (_, p) => p).filter((p) => columns.has(nameOf(p)));
    t.diagnostic(`${typed.length} of ${PROPERTIES} custom properties have a typed column`);
    assert.ok(typed.length >= 100, `${typed.length} custom properties have a typed column`);
    const expectedKind = { string: "text", number: "double", bool: "boolean", date: "date", enumeration: "text" } as const;
    const wrongColumns = typed.filter((p) => columns.get(nameOf(p))?.kind !== expectedKind[kindOf(p).type]).map((p) => `${nameOf(p)}: ${columns.get(nameOf(p))?.kind}`);
    assert.deepEqual(wrongColumns.slice(0, 5), [], `typed columns: ${wrongColumns.length} of the wrong kind`);
    const wrongValues: string[] = [];
    for (const [id, row] of rows) {
      const r = recordNumber.get(id);
      assert.ok(r !== undefined);
      for (const p of typed) {
        const value = row.values[nameOf(p)];
        if (value !== typedValueOf(r, p) && wrongValues.length < 5) wrongValues.push(`${id}.${nameOf(p)}: ${JSON.stringify(value)}, expected ${JSON.stringify(typedValueOf(r, p))}`);
      }
    }
    assert.deepEqual(wrongValues, [], "typed values");
  });
}
