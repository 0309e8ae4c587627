import assert from "node:assert/strict";
import { test } from "node:test";
import { startsAWord, tokenMatcher } from "./text-match.ts";

test("CONTAINS_TOKEN matches whole tokens; * stands for any run of characters", () => {
  assert.equal(tokenMatcher("*@hubspot.com")("Ann@HubSpot.com"), true);
  assert.equal(tokenMatcher("*@hubspot.com")("ann@hubspot.com.evil.io"), false);
  assert.equal(tokenMatcher("hubspot")("ann@hubspot.com"), true);
  assert.equal(tokenMatcher("smith")("Lee Smith"), true);
  assert.equal(tokenMatcher("smi")("Lee Smith"), false);
  assert.equal(tokenMatcher("smi*")("Lee Smith"), true);
  assert.equal(tokenMatcher("lee smith")("Smith, Lee"), true);
  assert.equal(tokenMatcher("a.b")("a.b"), true);
  assert.equal(tokenMatcher("a.b")("axb"), false);
});

test("a query term must start a word", () => {
  assert.equal(startsAWord("ann@hubspot.com", "hubs"), true);
  assert.equal(startsAWord("ann@hubspot.com", "ann@hub"), true);
  assert.equal(startsAWord("ann@hubspot.com", "spot"), false);
  assert.equal(startsAWord("joanna ann", "ann"), true);
});
