import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { fieldMapSchema } from "./field-map-schema.ts";
import { transformSchema } from "./transform-schema.ts";

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.ok(!result.success, "expected the config to be refused");
  // As the config reader reports unions: the branch whose type matched explains best.
  const rootMismatch = (issue: z.core.$ZodIssue): boolean => issue.path.length === 0 && ["invalid_type", "invalid_value", "invalid_union"].includes(issue.code);
  const flat = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): string[] =>
    issues.flatMap((issue) => {
      const path = [...prefix, ...issue.path];
      const matched = issue.code === "invalid_union" ? issue.errors.find((branch) => branch.length > 0 && !branch.some(rootMismatch)) : undefined;
      if (matched !== undefined) return flat(matched, path);
      const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return [`${path.map(String).join(".")}: ${message}`];
    });
  return flat(result.error.issues, []);
}

test("bare names and maps parse to one shape", () => {
  assert.deepEqual(transformSchema.parse("trim"), { type: "trim" });
  assert.deepEqual(transformSchema.parse("split"), { type: "split", separator: "," });
  assert.deepEqual(transformSchema.parse({ type: "map_values", values: { a: "b" } }), { type: "map_values", values: { a: "b" }, ignoreCase: true, otherwise: "keep" });
  const dates = transformSchema.parse({ type: "date_format", input: "DD/MM/YYYY" });
  assert.equal(dates.type === "date_format" && dates.input.kind === "pattern" && dates.output.kind === "datetime", true);
});

test("a field map takes column names and maps", () => {
  const parsed = fieldMapSchema.parse({
    email: "email_address",
    amount: { column: "mrr", transforms: [{ type: "annualize", periodColumn: "billing" }], numberFormat: { thousands: "," } },
    lifecyclestage: { transforms: [{ type: "constant", value: "customer" }], clearOnNull: true },
  });
  assert.deepEqual(parsed["email"], { column: "email_address", transforms: [], clearOnNull: false });
  assert.deepEqual(parsed["amount"]?.numberFormat, { decimal: ".", thousands: "," });
  assert.equal(parsed["lifecyclestage"]?.clearOnNull, true);
});

test("mistakes are refused with words a person can act on", () => {
  assert.deepEqual(messages(transformSchema, { type: "annualize" }), [": needs exactly one of period (a fixed billing period) or periodColumn (a column holding it)"]);
  assert.deepEqual(messages(transformSchema, { type: "annualize", period: "bimonthly" }), [
    'period: "bimonthly" is not a billing period (expected one of weekly, biweekly, monthly, quarterly, per_six_months, annually, per_two_years, per_three_years, per_four_years, per_five_years, or one named under factors)',
  ]);
  assert.deepEqual(messages(transformSchema, { type: "date_format", input: "DD/MM/YY" }), ['input: pattern "DD/MM/YY": two-digit years (YY) are ambiguous; use YYYY']);
  assert.deepEqual(messages(transformSchema, { type: "date_format", input: "iso", output: "[at]" }), ['output: pattern "[at]" writes no part of the date (use tokens such as YYYY, MM, DD)']);
  assert.deepEqual(messages(transformSchema, { type: "date_fromat" }), [
    'type: Invalid discriminator value. Expected \'trim\' | \'lowercase\' | \'uppercase\' | \'constant\' | \'default\' | \'map_values\' | \'split\' | \'concat\' | \'date_format\' | \'annualize\'',
  ]);
  assert.deepEqual(messages(transformSchema, "trm"), [
    ": expected a transform: trim, lowercase, uppercase, split, or a map with type (constant, default, map_values, concat, date_format, annualize …); got {got}",
  ]);
  assert.deepEqual(messages(fieldMapSchema, { amount: { clearOnNull: true } }), ["amount: needs a column, or transforms that make the value (constant, concat)"]);
  assert.deepEqual(messages(fieldMapSchema, { "Deal Name": "name" }), [
    "Deal Name: expected a property's internal name (letters, digits, _), not its label; got {got}",
  ]);
  assert.deepEqual(messages(fieldMapSchema, { amount: { column: "x", numberFormat: { decimal: ",", thousands: "," } } }), [
    "amount.numberFormat: decimal and thousands separators must differ",
  ]);
});

test("the schemas have a JSON Schema for editors", () => {
  const schema = JSON.stringify(z.toJSONSchema(fieldMapSchema, { io: "input", target: "draft-2020-12" }));
  for (const name of ["date_format", "annualize", "map_values", "concat", "periodColumn", "clearOnNull"]) assert.ok(schema.includes(name), name);
});
