import assert from "node:assert/strict";
import { test } from "node:test";
import { errorCodes } from "../core/error-code.ts";
import { HubsyncError } from "../core/hubsync-error.ts";
import { errorWords } from "./error-words.ts";
import { exitCodeFor, exitCodes } from "./exit-code.ts";
import { formatError, reportError } from "./report-error.ts";
import { captured } from "./test-support/cli-test-kit.ts";

test("every error code maps to a non-zero exit code and to words with a fix", () => {
  for (const code of errorCodes) {
    assert.notEqual(exitCodeFor(code), 0, code);
    const words = errorWords(code);
    assert.ok(words.headline.length > 0 && words.fix.length > 0, code);
  }
});

test("exit codes tell a scheduler what kind of failure it was", () => {
  assert.equal(exitCodeFor("CONFIG_INVALID"), 78);
  assert.equal(exitCodeFor("CONFIG_NOT_FOUND"), 66);
  assert.equal(exitCodeFor("HUBSPOT_MISSING_SCOPES"), 77);
  assert.equal(exitCodeFor("HUBSPOT_UNAUTHORIZED"), 77);
  assert.equal(exitCodeFor("HUBSPOT_RATE_LIMITED"), 75);
  assert.equal(exitCodeFor("SYNC_ALREADY_RUNNING"), 75);
  assert.equal(exitCodeFor("HUBSPOT_UNAVAILABLE"), 69);
  assert.equal(exitCodeFor("STORE_FAILED"), 74);
  assert.equal(exitCodeFor("SYNC_NOT_FOUND"), 64);
  assert.equal(exitCodeFor("RUN_NOT_FOUND"), 64);
  assert.equal(exitCodeFor("SYNC_ABORTED"), 130);
  assert.equal(exitCodeFor("RUN_ILLEGAL_TRANSITION"), 70);
});

test("an error reads as headline, message, the error's own fix, and HubSpot's correlation id", () => {
  const error = new HubsyncError("HUBSPOT_MISSING_SCOPES", "The HubSpot app lacks the scope crm.objects.deals.read", { fix: "Add crm.objects.deals.read.", correlationId: "abc-123" });
  const stderr = captured();
  assert.equal(reportError(stderr, error), exitCodes.noPermission);
  assert.equal(stderr.text(), formatError(error));
  assert.match(stderr.text(), /^error: The HubSpot app lacks a scope \(HUBSPOT_MISSING_SCOPES\)\n {2}The HubSpot app lacks the scope crm\.objects\.deals\.read\nfix: Add crm\.objects\.deals\.read\.\nHubSpot correlation id: abc-123\n$/);
});

test("an unexpected exception is reported as a bug with its stack, exit 70", () => {
  const stderr = captured();
  assert.equal(reportError(stderr, new TypeError("x is undefined")), exitCodes.software);
  assert.match(stderr.text(), /this is a bug, please report it:\n {2}TypeError: x is undefined/);
});
