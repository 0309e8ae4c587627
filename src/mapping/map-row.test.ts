import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkFieldMap } from "./check-field-map.ts";
import { fieldMapSchema } from "./field-map-schema.ts";
import { mapRow, propertiesByName } from "./map-row.ts";
import type { PropertyDefinition } from "./property-definition.ts";
import { transformRow } from "./transform-row.ts";

const properties = propertiesByName([
  { name: "dealname", type: "string", fieldType: "text" },
  { name: "amount", type: "number", fieldType: "number" },
  { name: "closedate", type: "datetime", fieldType: "date" },
  { name: "renewal_date", type: "date", fieldType: "date" },
  { name: "dealstage", type: "enumeration", fieldType: "select", options: [{ value: "closedwon", label: "Closed Won" }, { value: "closedlost", label: "Closed Lost" }] },
  { name: "description", type: "string", fieldType: "textarea" },
  { name: "hs_is_closed", type: "bool", fieldType: "booleancheckbox", calculated: true },
] satisfies PropertyDefinition[]);

const fields = fieldMapSchema.parse({
  dealname: { transforms: [{ type: "concat", parts: [{ column: "company" }, { literal: "renewal" }], separator: " – " }] },
  amount: { column: "mrr", transforms: [{ type: "annualize", periodColumn: "billing" }] },
  closedate: { column: "closed_on", transforms: [{ type: "date_format", input: "DD/MM/YYYY" }] },
  dealstage: { column: "stage", transforms: ["trim"] },
  description: { column: "notes", clearOnNull: true },
});

const good = { id: 1, company: "Acme", mrr: "99.99", billing: "monthly", closed_on: "29/02/2024", stage: " Closed Won ", notes: null };

describe("mapRow", () => {
  test("a good row maps every field to HubSpot's strings; clearOnNull sends an empty value", () => {
    assert.deepEqual(mapRow(good, fields, { rowKey: "1", properties }), {
      properties: {
        dealname: "Acme – renewal",
        amount: "1199.88",
        closedate: "2024-02-29T00:00:00.000Z",
        dealstage: "closedwon",
        description: "",
      },
      errors: [],
    });
  });

  test("without clearOnNull an empty value leaves the property out", () => {
    const mapped = mapRow({ ...good, stage: null }, fields, { rowKey: "1", properties });
    assert.equal("dealstage" in mapped.properties, false);
    assert.deepEqual(mapped.errors, []);
  });

  test("each bad field is its own error naming row, property, column and reason; good fields still map", () => {
    const bad = { ...good, mrr: "lots", closed_on: "31/02/2024", stage: "Won" };
    const mapped = mapRow(bad, fields, { rowKey: "deal-7", properties });
    assert.deepEqual(mapped.properties, { dealname: "Acme – renewal", description: "" });
    assert.deepEqual(
      mapped.errors.map((error) => error.message),
      [
        'row "deal-7", property "amount" (column "mrr"), annualize: amount "lots" is not a number',
        'row "deal-7", property "closedate" (column "closed_on"), date_format: "31/02/2024" is not a real date (February 2024 has 29 days)',
        'row "deal-7", property "dealstage" (column "stage"): "Won" is not one of the options (closedwon, closedlost)',
      ],
    );
    assert.deepEqual(
      mapped.errors.map(({ rowKey, field, column, value, transform }) => ({ rowKey, field, column, value, transform })),
      [
        { rowKey: "deal-7", field: "amount", column: "mrr", value: "lots", transform: "annualize" },
        { rowKey: "deal-7", field: "closedate", column: "closed_on", value: "31/02/2024", transform: "date_format" },
        { rowKey: "deal-7", field: "dealstage", column: "stage", value: "Won", transform: undefined },
      ],
    );
  });

  test("one bad row does not touch the rows around it", () => {
    const rows = [good, { ...good, id: 2, mrr: "x" }, { ...good, id: 3, mrr: "10" }];
    const results = rows.map((row) => mapRow(row, fields, { rowKey: String(row.id), properties }));
    assert.deepEqual(results.map((result) => result.errors.length), [0, 1, 0]);
    assert.equal(results[2]?.properties["amount"], "120");
  });

  test("a missing column and an unknown property are errors, not silent blanks", () => {
    const { notes: _notes, ...withoutNotes } = good;
    const mapped = mapRow(withoutNotes, { ...fields, ...fieldMapSchema.parse({ nope: "company" }) }, { rowKey: "1", properties });
    assert.deepEqual(
      mapped.errors.map((error) => error.message),
      ['row "1", property "description" (column "notes"): the row has no column "notes"', 'row "1", property "nope" (column "company"): is not a property of this object in HubSpot'],
    );
  });

  test("the sync's number format applies, and a field's own wins", () => {
    const amounts = fieldMapSchema.parse({ amount: "mrr" });
    const european = { decimal: ",", thousands: "." } as const;
    assert.deepEqual(mapRow({ mrr: "1.234,5" }, amounts, { rowKey: "1", properties, numberFormat: european }).properties, { amount: "1234.5" });
    const own = fieldMapSchema.parse({ amount: { column: "mrr", numberFormat: { thousands: "," } } });
    assert.deepEqual(mapRow({ mrr: "1,234.5" }, own, { rowKey: "1", properties, numberFormat: european }).properties, { amount: "1234.5" });
  });
});

describe("transformRow (app payloads, use case 5)", () => {
  test("pipelines without HubSpot coercion: a won deal becomes an account", () => {
    const account = fieldMapSchema.parse({
      company_name: "dealname",
      arr: { column: "amount", transforms: [{ type: "annualize", periodColumn: "recurringbillingfrequency", missingPeriod: "keep" }] },
      start_date: { column: "closedate", transforms: [{ type: "date_format", input: "iso", output: "DD/MM/YYYY" }] },
      website: { column: "domain", transforms: ["trim", "lowercase"] },
      industry: { column: "industry", clearOnNull: true },
      size: "employees",
    });
    const deal = { dealname: "Acme", amount: "1500", recurringbillingfrequency: "quarterly", closedate: "2024-03-05T16:00:00.000Z", domain: " ACME.com ", industry: null, employees: null };
    assert.deepEqual(transformRow(deal, account, { rowKey: "deal 42" }), {
      values: { company_name: "Acme", arr: "6000", start_date: "05/03/2024", website: "acme.com", industry: null },
      errors: [],
    });
    const broken = transformRow({ ...deal, closedate: "soon" }, account, { rowKey: "deal 42" });
    assert.deepEqual(
      broken.errors.map((error) => error.message),
      ['row "deal 42", field "start_date" (column "closedate"), date_format: "soon" is not ISO-8601 text (such as 2024-03-05 or 2024-03-05T14:30:00Z)'],
    );
  });
});

describe("checkFieldMap", () => {
  test("unknown and read-only properties, missing columns and unusable date outputs are found once, before any row", () => {
    const map = fieldMapSchema.parse({
      DealName: "company",
      hs_is_closed: "won",
      amount: { column: "mrr", transforms: [{ type: "annualize", periodColumn: "billing_period" }] },
      closedate: { column: "closed_on", transforms: [{ type: "date_format", input: "iso", output: "DD/MM/YYYY" }] },
    });
    assert.deepEqual(
      checkFieldMap(map, properties, ["company", "won", "mrr", "closed_on"]).map((issue) => issue.message),
      [
        'property "DealName": does not exist on this object in HubSpot (did you mean dealname?)',
        'property "hs_is_closed": is read-only in HubSpot (calculated or set by HubSpot); remove it from the field map',
        'property "amount": column "billing_period" is not in the source (its columns: company, won, mrr, closed_on)',
        "property \"closedate\": is a datetime, and date_format writes DD/MM/YYYY, which HubSpot does not take (use output: datetime)",
      ],
    );
    assert.deepEqual(checkFieldMap(fields, properties, Object.keys(good)), []);
  });
});
