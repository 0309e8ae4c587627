import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Result } from "../core/result.ts";
import { applyTransform, applyTransforms } from "./apply-transforms.ts";
import { defaultNumberFormat } from "./number-format.ts";
import type { TransformContext } from "./transform-context.ts";
import { transformSchema, type Transform } from "./transform-schema.ts";

const transform = (config: unknown): Transform => transformSchema.parse(config);
const context = (row: Record<string, unknown> = {}): TransformContext => ({ row, numberFormat: defaultNumberFormat });

function run(config: unknown, value: unknown, row: Record<string, unknown> = {}): Result<unknown, string> {
  return applyTransform(transform(config), value, context(row));
}

function value(result: Result<unknown, string>): unknown {
  assert.ok(result.ok, result.ok ? "" : result.error);
  return result.value;
}

function reason(result: Result<unknown, string>): string {
  assert.ok(!result.ok, `expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
}

describe("text transforms", () => {
  test("trim, lowercase and uppercase change text and each text item of a list, and pass other values", () => {
    assert.equal(value(run("trim", "  Ada  ")), "Ada");
    assert.deepEqual(value(run("trim", [" a ", 1, null])), ["a", 1, null]);
    assert.equal(value(run("lowercase", "Ada@Example.COM")), "ada@example.com");
    assert.equal(value(run({ type: "uppercase" }, "gb")), "GB");
    assert.equal(value(run("uppercase", 42)), 42);
    assert.equal(value(run("trim", null)), null);
    // Locale-independent: the Turkish dotted I does not appear.
    assert.equal(value(run("lowercase", "TITLE")), "title");
  });

  test("split makes a list of trimmed, non-empty items; lists pass", () => {
    assert.deepEqual(value(run("split", " a, b,,c ")), ["a", "b", "c"]);
    assert.deepEqual(value(run({ type: "split", separator: "|" }, "x|y")), ["x", "y"]);
    assert.deepEqual(value(run("split", ["already", "a list"])), ["already", "a list"]);
    assert.equal(value(run("split", null)), null);
  });

  test("default fills empty values only; constant replaces whatever came", () => {
    assert.equal(value(run({ type: "default", value: "unknown" }, null)), "unknown");
    assert.equal(value(run({ type: "default", value: "unknown" }, "  ")), "unknown");
    assert.equal(value(run({ type: "default", value: 0 }, [])), 0);
    assert.equal(value(run({ type: "default", value: "unknown" }, "known")), "known");
    assert.equal(value(run({ type: "default", value: "unknown" }, 0)), 0);
    assert.equal(value(run({ type: "constant", value: "customer" }, "lead")), "customer");
    assert.equal(value(run({ type: "constant", value: null }, "lead")), null);
  });
});

describe("map_values", () => {
  const table = { type: "map_values", values: { A: "NEW", b: "OPEN", "1": true, gone: null } };

  test("looks up values ignoring case by default; lists item by item; empty passes", () => {
    assert.equal(value(run(table, "a")), "NEW");
    assert.equal(value(run(table, " B ")), "OPEN");
    assert.equal(value(run(table, 1)), true);
    assert.equal(value(run(table, "gone")), null);
    assert.deepEqual(value(run(table, ["a", "b"])), ["NEW", "OPEN"]);
    assert.equal(value(run(table, null)), null);
  });

  test("ignoreCase: false needs the exact key", () => {
    assert.equal(value(run({ ...table, ignoreCase: false }, "a")), "a");
    assert.equal(value(run({ ...table, ignoreCase: false }, "A")), "NEW");
  });

  test("what is not in the table is kept, emptied, or fails the row", () => {
    assert.equal(value(run(table, "zzz")), "zzz");
    assert.equal(value(run({ ...table, otherwise: "empty" }, "zzz")), null);
    assert.equal(reason(run({ ...table, otherwise: "fail" }, "zzz")), '"zzz" is not in the map_values table (1, A, b, gone)');
    assert.equal(reason(run(table, { a: 1 })), '{"a":1} cannot be looked up (map_values takes text, numbers and true/false)');
  });
});

describe("concat", () => {
  const row = { first: " Ada ", last: "Lovelace", middle: null, tags: ["x", null, "y"], n: 1e21, when: new Date(Date.UTC(2024, 2, 5)) };

  test("joins columns and literals, skipping empty ones", () => {
    assert.equal(value(run({ type: "concat", parts: [{ column: "first" }, { column: "middle" }, { column: "last" }] }, "ignored", row)), "Ada Lovelace");
    assert.equal(value(run({ type: "concat", parts: [{ literal: "Deal:" }, { column: "last" }], separator: " " }, undefined, row)), "Deal: Lovelace");
    assert.equal(value(run({ type: "concat", parts: [{ column: "tags" }], separator: ", " }, undefined, row)), "x, y");
    assert.equal(value(run({ type: "concat", parts: [{ column: "n" }, { column: "when" }], separator: "|" }, undefined, row)), "1000000000000000000000|2024-03-05T00:00:00.000Z");
    assert.equal(value(run({ type: "concat", parts: [{ column: "middle" }] }, undefined, row)), null);
  });

  test("a missing column or a value that is not text fails", () => {
    assert.equal(reason(run({ type: "concat", parts: [{ column: "nope" }] }, undefined, row)), 'the row has no column "nope"');
    assert.equal(reason(run({ type: "concat", parts: [{ column: "o" }] }, undefined, { o: { a: 1 } })), 'column "o" holds {"a":1}, which cannot be joined as text');
  });
});

describe("date_format", () => {
  test("day-first and month-first inputs to HubSpot datetime (the default) and date", () => {
    assert.equal(value(run({ type: "date_format", input: "DD/MM/YYYY" }, "05/03/2024")), "2024-03-05T00:00:00.000Z");
    assert.equal(value(run({ type: "date_format", input: "MM/DD/YYYY", output: "date" }, "03/05/2024")), "2024-03-05");
    assert.equal(value(run({ type: "date_format", input: "DD/MM/YYYY HH:mm", output: "datetime" }, "05/03/2024 14:30")), "2024-03-05T14:30:00.000Z");
  });

  test("leap days", () => {
    assert.equal(value(run({ type: "date_format", input: "DD/MM/YYYY", output: "date" }, "29/02/2024")), "2024-02-29");
    assert.equal(reason(run({ type: "date_format", input: "DD/MM/YYYY" }, "29/02/2023")), '"29/02/2023" is not a real date (February 2023 has 28 days)');
  });

  test("epoch seconds and epoch milliseconds are told apart by the input setting, not guessed", () => {
    assert.equal(value(run({ type: "date_format", input: "epoch_seconds" }, 1709649000)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(run({ type: "date_format", input: "epoch_seconds" }, "1709649000.123")), "2024-03-05T14:30:00.123Z");
    assert.equal(value(run({ type: "date_format", input: "epoch_seconds" }, 1709649000n)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(run({ type: "date_format", input: "epoch_ms" }, 1709649000000)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(run({ type: "date_format", input: "epoch_ms" }, "1709649000000")), "2024-03-05T14:30:00.000Z");
    // Before 1973 as epoch ms is fine when the input says so.
    assert.equal(value(run({ type: "date_format", input: "epoch_ms", output: "date" }, -86_400_000)), "1969-12-31");
    assert.equal(value(run({ type: "date_format", input: "epoch_seconds" }, -1.5)), "1969-12-31T23:59:58.500Z");
    assert.equal(
      reason(run({ type: "date_format", input: "epoch_seconds" }, 1709649000000)),
      "1709649000000 read as epoch_seconds is outside the years 1–9999 (is it epoch milliseconds? use input: epoch_ms)",
    );
    assert.equal(reason(run({ type: "date_format", input: "epoch_seconds" }, "soon")), '"soon" is not a number of epoch seconds');
  });

  test("iso input: zone-less is UTC, offsets are fixed (no DST), output date keeps the UTC day", () => {
    assert.equal(value(run({ type: "date_format", input: "iso", output: "date" }, "2024-03-31T23:30:00-02:00")), "2024-04-01");
    assert.equal(value(run({ type: "date_format", input: "iso" }, "2024-03-31 02:30")), "2024-03-31T02:30:00.000Z");
    assert.equal(value(run({ type: "date_format", input: "iso", output: "DD/MM/YYYY" }, "2024-02-29T10:00:00Z")), "29/02/2024");
    assert.equal(value(run({ type: "date_format", input: "iso", output: "epoch_ms" }, "2024-03-05")), "1709596800000");
    assert.equal(reason(run({ type: "date_format", input: "iso" }, 1709596800000)), "1709596800000 is not ISO-8601 text (such as 2024-03-05 or 2024-03-05T14:30:00Z)");
    assert.equal(reason(run({ type: "date_format", input: "iso" }, "05/03/2024")), '"05/03/2024" is not ISO-8601 text (such as 2024-03-05 or 2024-03-05T14:30:00Z)');
  });

  test("Dates pass through any input format; empty passes; other shapes fail", () => {
    assert.equal(value(run({ type: "date_format", input: "DD/MM/YYYY", output: "date" }, new Date(Date.UTC(2024, 2, 5, 23)))), "2024-03-05");
    assert.equal(value(run({ type: "date_format", input: "DD/MM/YYYY" }, null)), null);
    assert.equal(reason(run({ type: "date_format", input: "DD/MM/YYYY" }, 5032024)), "5032024 is not text in the format DD/MM/YYYY");
    assert.equal(reason(run({ type: "date_format", input: "DD/MM/YYYY" }, "2024-03-05")), '"2024-03-05" is not a date in the format DD/MM/YYYY');
  });
});

describe("pipelines", () => {
  test("steps run in order and the first failure names its step", () => {
    const steps = [transform("trim"), transform({ type: "map_values", values: { yes: "true" }, otherwise: "fail" }), transform("uppercase")];
    assert.deepEqual(applyTransforms(steps, " Yes ", context()), { ok: true, value: "TRUE" });
    assert.deepEqual(applyTransforms(steps, " maybe ", context()), {
      ok: false,
      error: { index: 1, type: "map_values", reason: '"maybe" is not in the map_values table (yes)' },
    });
    assert.deepEqual(applyTransforms([], "as is", context()), { ok: true, value: "as is" });
  });
});
