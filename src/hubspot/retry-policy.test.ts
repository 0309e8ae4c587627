import assert from "node:assert/strict";
import { test } from "node:test";
import { retryRuleFor } from "./retry-policy.ts";

test("the retry table: HubSpot's retryable statuses back off, 429 waits, 401 refreshes, other 4xx fail at once", () => {
  for (const status of [423, 477, 500, 502, 503, 504, 521, 523, 524]) assert.equal(retryRuleFor(status).rule.action, "backoff", String(status));
  assert.equal(retryRuleFor(429).rule.action, "rate-limit");
  assert.deepEqual([retryRuleFor(401).rule.action, retryRuleFor(401).rule.code], ["refresh", "HUBSPOT_UNAUTHORIZED"]);
  assert.deepEqual([retryRuleFor(403, "MISSING_SCOPES").rule.action, retryRuleFor(403, "MISSING_SCOPES").rule.code], ["fail", "HUBSPOT_MISSING_SCOPES"]);
  assert.equal(retryRuleFor(403).rule.code, "HUBSPOT_UNAUTHORIZED");
  assert.equal(retryRuleFor(404).rule.code, "HUBSPOT_NOT_FOUND");
  assert.equal(retryRuleFor(409).rule.code, "HUBSPOT_CONFLICT");
  for (const status of [400, 405, 414, 418, 422]) assert.deepEqual([retryRuleFor(status).rule.action, retryRuleFor(status).rule.code], ["fail", "HUBSPOT_BAD_REQUEST"], String(status));
  for (const status of [501, 505]) assert.deepEqual([retryRuleFor(status).rule.action, retryRuleFor(status).rule.code], ["fail", "HUBSPOT_UNAVAILABLE"], String(status));
});
