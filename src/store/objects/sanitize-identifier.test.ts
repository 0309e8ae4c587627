import assert from "node:assert/strict";
import { test } from "node:test";
import { sanitizeIdentifier, uniqueIdentifier } from "./sanitize-identifier.ts";

test("names become plain lower-case identifiers of at most 63 characters", () => {
  assert.equal(sanitizeIdentifier("hs_lead_status"), "hs_lead_status");
  assert.equal(sanitizeIdentifier("Café Größe"), "cafe_gro_e");
  assert.equal(sanitizeIdentifier("2-1234567"), "p_2_1234567");
  assert.equal(sanitizeIdentifier("!!!"), "x");
  const long = sanitizeIdentifier("a".repeat(100));
  assert.equal(long.length, 63);
  assert.notEqual(long, sanitizeIdentifier(`${"a".repeat(100)}b`));
  assert.equal(long, sanitizeIdentifier("a".repeat(100)), "stable");
});

test("a taken name gets the first free numeric suffix, still within the limit", async () => {
  const taken = new Set(["email", "email_2"]);
  assert.equal(await uniqueIdentifier("email", "email", (n) => taken.has(n)), "email_3");
  const long = "b".repeat(63);
  const next = await uniqueIdentifier(long, long, (n) => n === long);
  assert.ok(next.endsWith("_2") && next.length <= 63);
});
