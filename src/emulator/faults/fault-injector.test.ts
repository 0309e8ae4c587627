import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import type { FaultRuleSpec } from "./fault-rule.ts";

const contacts = "/crm/v3/objects/contacts";

test("an injected 429 is HubSpot's TEN_SECONDLY_ROLLING body, word for word, with window headers", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "429" });
  const answer = await call("GET", contacts);
  assert.equal(answer.status, 429);
  assert.equal(answer.headers.get("content-type")?.startsWith("application/json"), true);
  const { correlationId, groupName, ...rest } = answer.body;
  assert.deepEqual(rest, {
    status: "error",
    message: "You have reached your ten_secondly_rolling limit.",
    errorType: "RATE_LIMIT",
    policyName: "TEN_SECONDLY_ROLLING",
  });
  assert.deepEqual(Object.keys(answer.body), ["status", "message", "errorType", "correlationId", "policyName", "groupName"]);
  assert.match(correlationId, /^[0-9a-f-]{36}$/);
  assert.match(groupName, /^publicapi:private-app:\d+:12345678$/);
  assert.equal(answer.headers.get("x-hubspot-ratelimit-remaining"), "0");
  assert.equal(answer.headers.get("x-hubspot-ratelimit-max"), "190");
  assert.equal(answer.headers.get("x-emulator-fault"), null, "the internal mark never reaches the caller");
});

test("status faults answer HubSpot's JSON error bodies with their categories", async () => {
  const { call } = emulatorApi();
  const expected = { "423": "LOCKED", "500": "INTERNAL_ERROR", "502": "SERVICE_UNAVAILABLE", "503": "SERVICE_UNAVAILABLE", "504": "SERVICE_UNAVAILABLE" };
  for (const [kind, category] of Object.entries(expected)) {
    const answer = await call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": kind } });
    assert.equal(answer.status, Number(kind));
    assert.equal(answer.headers.get("content-type")?.startsWith("application/json"), true);
    assert.equal(answer.body.status, "error");
    assert.equal(answer.body.category, category);
    assert.match(answer.body.correlationId, /^[0-9a-f-]{36}$/);
    assert.equal(typeof answer.body.message, "string");
  }
});

test("a reset fault rejects like Node's fetch on ECONNRESET, and nothing is written", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "reset", match: { method: "POST" } });
  await assert.rejects(call("POST", contacts, { properties: { email: "reset@example.com" } }), (error: unknown) => {
    assert.ok(error instanceof TypeError);
    assert.equal(error.message, "fetch failed");
    assert.equal((error.cause as { code?: string }).code, "ECONNRESET");
    return true;
  });
  emulator.control.faults.clear();
  assert.deepEqual((await call("GET", contacts)).body.results, []);
});

test("a timeout fault never answers: the call fails when the caller's signal fires", async () => {
  const { emulator } = emulatorApi();
  emulator.control.faults.add({ kind: "timeout" });
  const started = performance.now();
  await assert.rejects(
    emulator.fetch(`${emulator.info().baseUrl}${contacts}`, { headers: { authorization: `Bearer ${emulator.info().token}` }, signal: AbortSignal.timeout(50) }),
    (error: unknown) => error instanceof DOMException && error.name === "TimeoutError",
  );
  assert.ok(performance.now() - started >= 40, "it waited for the signal rather than failing at once");
});

test("a lost response applies the write, then the caller sees a reset", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "lost-response", match: { method: "POST", path: contacts } });
  await assert.rejects(call("POST", contacts, { properties: { email: "lost@example.com" } }), (error: unknown) => {
    return error instanceof TypeError && (error.cause as { code?: string }).code === "ECONNRESET";
  });
  const list = await call("GET", `${contacts}?properties=email`);
  assert.equal(list.status, 200);
  assert.deepEqual(
    list.body.results.map((r: { properties: { email: string } }) => r.properties.email),
    ["lost@example.com"],
  );
});

/** Which of `n` GETs on contacts failed (1-based), under the given rules. */
async function failures(rules: FaultRuleSpec[], n: number, seed = 1): Promise<number[]> {
  const { emulator, call } = emulatorApi({ seed });
  for (const rule of rules) emulator.control.faults.add(rule);
  const failed: number[] = [];
  for (let i = 1; i <= n; i++) if ((await call("GET", contacts)).status !== 200) failed.push(i);
  return failed;
}

test("probability faults repeat exactly for a fixed seed and differ for another", async () => {
  const rule: FaultRuleSpec = { kind: "503", probability: 0.3 };
  const first = await failures([rule], 60, 7);
  const again = await failures([rule], 60, 7);
  const other = await failures([rule], 60, 8);
  assert.deepEqual(again, first);
  assert.notDeepEqual(other, first);
  assert.ok(first.length > 5 && first.length < 35, `about 30% fail (${first.length} of 60)`);
});

test("a schedule lets `after` requests through, then fails every `every`-th, `count` times", async () => {
  assert.deepEqual(await failures([{ kind: "500", schedule: { after: 2, count: 3, every: 2 } }], 12), [4, 6, 8]);
  assert.deepEqual(await failures([{ kind: "500", schedule: { after: 3 } }], 5), [4, 5]);
  assert.deepEqual(await failures([{ kind: "500", schedule: { count: 2 } }], 5), [1, 2]);
  assert.deepEqual(await failures([{ kind: "500" }], 3), [1, 2, 3]);
});

test("match narrows rules by method, path prefix and regular expression", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "502", match: { method: ["post"], pathRegex: "^/crm/v3/objects/[^/]+/batch/read$" } });
  emulator.control.faults.add({ kind: "504", match: { path: "/crm/v3/owners" } });
  assert.equal((await call("POST", `${contacts}/batch/read`, { inputs: [] })).status, 502);
  assert.equal((await call("GET", contacts)).status, 200);
  assert.equal((await call("POST", `${contacts}/batch/create`, { inputs: [] })).status !== 502, true);
  assert.equal((await call("GET", "/crm/v3/owners/")).status, 504);
});

test("the X-Emulator-Fault header steers one request; an unknown kind is a 400 naming the header", async () => {
  const { emulator, call } = emulatorApi();
  assert.equal((await call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": "503" } })).status, 503);
  assert.equal((await call("GET", contacts)).status, 200);
  const bad = await call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": "418" } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /X-Emulator-Fault/);
  assert.equal(emulator.control.faults.counts()["503"], 1);
});

test("faults are counted per kind, and never strike the control plane", async () => {
  const { emulator, call } = emulatorApi();
  emulator.control.faults.add({ kind: "503" });
  assert.equal((await call("GET", "/__emulator/health")).status, 200);
  await call("GET", contacts);
  await call("GET", contacts, undefined, { headers: { "X-Emulator-Fault": "429" } });
  const counts = emulator.control.faults.counts();
  assert.equal(counts["503"], 1);
  assert.equal(counts["429"], 1);
  assert.equal(counts.reset, 0);
  const [rule] = emulator.control.faults.list();
  assert.equal(rule?.seen, 1);
  assert.equal(rule?.injected, 1);
});

test("a bad rule is refused with a message naming the field", () => {
  const { emulator } = emulatorApi();
  assert.throws(() => emulator.control.faults.add({ kind: "500", schedule: { every: 0 } }), /`schedule\.every`/);
  assert.throws(() => emulator.control.faults.add({ kind: "500", match: { pathRegex: "([" } }), /`match\.pathRegex`/);
  assert.throws(() => emulator.control.faults.add({ kind: "500", probability: 0.5, schedule: {} }), /either probability or schedule/);
  assert.throws(() => emulator.control.faults.add({ kind: "418" as "500" }), /`kind`/);
});
