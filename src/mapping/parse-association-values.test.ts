import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AssociationValue } from "./association-value.ts";
import { parseAssociationValues } from "./parse-association-values.ts";

const source = { rowKey: "42", column: "companies" };
const unlabelled = (...keys: string[]): AssociationValue[] => keys.map((key) => ({ key, label: null }));

function values(input: unknown): AssociationValue[] {
  const result = parseAssociationValues(input, source);
  assert.ok(result.ok, result.ok ? "" : result.error.map((error) => error.message).join("\n"));
  return result.value;
}

function errors(input: unknown): string[] {
  const result = parseAssociationValues(input, source);
  assert.ok(!result.ok, `expected errors, got ${JSON.stringify(result)}`);
  for (const error of result.error) {
    assert.equal(error.rowKey, "42");
    assert.equal(error.column, "companies");
    assert.equal(error.value, input);
  }
  return result.error.map((error) => error.message);
}

describe("shapes", () => {
  test("empty means no targets", () => {
    for (const empty of [null, undefined, "", "  ", [], {}, [null], "[]", "{}", "null"]) assert.deepEqual(values(empty), [], JSON.stringify(empty));
  });

  test("a single id or key", () => {
    assert.deepEqual(values(123), unlabelled("123"));
    assert.deepEqual(values(12345678901234567890n), unlabelled("12345678901234567890"));
    assert.deepEqual(values(" acme.com "), unlabelled("acme.com"));
  });

  test("a list of ids or keys (a Postgres array, a JSON list), nulls skipped", () => {
    assert.deepEqual(values([1, "2", " ada@example.com ", null, ""]), unlabelled("1", "2", "ada@example.com"));
  });

  test("a comma- or semicolon-separated list", () => {
    assert.deepEqual(values("1, 2,3,,"), unlabelled("1", "2", "3"));
    assert.deepEqual(values("acme.com;globex.com"), unlabelled("acme.com", "globex.com"));
  });

  test("{value, label} objects, alone or in a list; an empty or missing label is unlabelled", () => {
    assert.deepEqual(values({ value: 7, label: "Billing" }), [{ key: "7", label: "Billing" }]);
    assert.deepEqual(values([{ value: "7", label: " Billing " }, { value: 8 }, { value: 9, label: null }, { value: 10, label: "" }]), [
      { key: "7", label: "Billing" },
      { key: "8", label: null },
      { key: "9", label: null },
      { key: "10", label: null },
    ]);
    assert.deepEqual(values([{ value: 7, label: ["Billing", "Decision maker"] }]), [
      { key: "7", label: "Billing" },
      { key: "7", label: "Decision maker" },
    ]);
  });

  test("a {key: label | null} map; a label may be a list of labels", () => {
    assert.deepEqual(values({ "ada@example.com": "Champion", "bob@example.com": null, "cy@example.com": ["Billing", null] }), [
      { key: "ada@example.com", label: "Champion" },
      { key: "bob@example.com", label: null },
      { key: "cy@example.com", label: "Billing" },
      { key: "cy@example.com", label: null },
    ]);
  });

  test("JSON text of every shape (SQLite and text JSON columns)", () => {
    assert.deepEqual(values("[1, 2]"), unlabelled("1", "2"));
    assert.deepEqual(values('  {"value": 7, "label": "Billing"} '), [{ key: "7", label: "Billing" }]);
    assert.deepEqual(values('[{"value": 7, "label": "Billing"}, {"value": 8}]'), [
      { key: "7", label: "Billing" },
      { key: "8", label: null },
    ]);
    assert.deepEqual(values('{"7": "Billing", "8": null}'), [
      { key: "7", label: "Billing" },
      { key: "8", label: null },
    ]);
    assert.deepEqual(values('["12345678901234567890"]'), unlabelled("12345678901234567890"));
  });

  test("duplicates collapse, first seen first; the same key with two labels stays twice", () => {
    assert.deepEqual(values(["1", 1, " 1 ", "2"]), unlabelled("1", "2"));
    assert.deepEqual(values([{ value: 1, label: "A" }, { value: 1, label: "A" }, { value: 1 }, { value: 1, label: "B" }]), [
      { key: "1", label: "A" },
      { key: "1", label: null },
      { key: "1", label: "B" },
    ]);
  });
});

describe("malformed input fails the whole value, naming row, column and part", () => {
  test("broken JSON", () => {
    assert.deepEqual(errors("[1, 2"), [
      `row "42", column "companies": "[1, 2" is not valid JSON (${jsonError("[1, 2")})`,
    ]);
  });

  test("items that are no id, key or {value, label}", () => {
    assert.deepEqual(errors([1, true, { id: 3 }, [4]]), [
      'row "42", column "companies": item 2 (true) is not an id, a key or a {value, label} object',
      'row "42", column "companies": item 3 ({"id":3}) is not an id, a key or a {value, label} object',
      'row "42", column "companies": item 4 ([4]) is not an id, a key or a {value, label} object',
    ]);
    assert.deepEqual(errors(true), ['row "42", column "companies": the value (true) is not an id, a key or a {value, label} object']);
    assert.deepEqual(errors(new Date(0)), ['row "42", column "companies": the value (1970-01-01T00:00:00.000Z) is not an id, a key or a {value, label} object']);
  });

  test("numbers that cannot be exact ids", () => {
    assert.deepEqual(errors([1.5]), ['row "42", column "companies": item 1 (1.5) is not a whole number']);
    assert.deepEqual(errors("[12345678901234567890]"), ['row "42", column "companies": item 1 (12345678901234567000) is too large to be an exact id (send ids as text)']);
  });

  test("bad values and labels", () => {
    assert.deepEqual(errors([{ value: null, label: "A" }]), ['row "42", column "companies": item 1 has null as its value (expected an id or key)']);
    assert.deepEqual(errors([{ value: 1, label: 5 }]), ["row \"42\", column \"companies\": item 1's label is 5 (expected text, a list of texts or null)"]);
    assert.deepEqual(errors({ "1": { nested: true } }), ['row "42", column "companies": key "1"\'s label is {"nested":true} (expected text, a list of texts or null)']);
    assert.deepEqual(errors({ " ": "A" }), ['row "42", column "companies": a map key is empty (expected an id or key)']);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
