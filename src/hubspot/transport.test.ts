import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../core/hubsync-error.ts";
import type { FetchLike } from "./fetch-like.ts";
import { drain, emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

async function kitWithContacts(count = 5, limits = {}): Promise<{ kit: EmulatorClientKit; ids: string[] }> {
  const kit = emulatorClient({}, { limits });
  const ids = await createRecords(kit, "contacts", count, (i) => ({ email: `r${i}@example.com` }));
  kit.emulator.control.stats.reset();
  return { kit, ids };
}

const listAll = (kit: EmulatorClientKit) => drain(kit.client.listObjects("contacts", { properties: ["email"] }));

test("each retryable status the emulator injects (423, 429, 500, 502, 503, 504) is retried until the read succeeds", async () => {
  for (const kind of ["423", "429", "500", "502", "503", "504"] as const) {
    const { kit, ids } = await kitWithContacts();
    kit.emulator.control.faults.add({ kind, match: { method: "GET", path: "/crm/v3/objects/contacts" }, schedule: { count: 2 } });
    const { items } = await listAll(kit);
    assert.deepEqual(items.map((r) => r.id), ids, kind);
    const stats = kit.client.stats();
    assert.equal(stats.retries, 2, kind);
    assert.equal(stats.calls.list, 3, kind);
    assert.equal(kit.emulator.control.stats.snapshot().byStatus[kind], 2, kind);
    if (kind === "429") {
      assert.equal(stats.rateLimited, 2);
      assert.ok(stats.rateLimitWaits >= 1 && stats.rateLimitWaitedMs >= 10_000, "waited for the window the 429's headers describe");
    } else {
      assert.ok(stats.backoffWaitedMs > 0, kind);
    }
  }
});

test("network failures on reads are retried: connection reset, lost response, attempt timeout", async () => {
  const { kit, ids } = await kitWithContacts(5, { retry: { attemptTimeoutMs: 40 } });
  kit.emulator.control.faults.add({ kind: "reset", match: { path: "/crm/v3/objects/contacts" }, schedule: { count: 1 } });
  kit.emulator.control.faults.add({ kind: "lost-response", match: { path: "/crm/v3/objects/contacts" }, schedule: { count: 1 } });
  kit.emulator.control.faults.add({ kind: "timeout", match: { path: "/crm/v3/objects/contacts" }, schedule: { count: 1 } });
  assert.deepEqual((await listAll(kit)).items.map((r) => r.id), ids);
  assert.equal(kit.client.stats().retries, 3);
  // Searches and batch reads (POSTs that only read) are retried the same way.
  kit.emulator.control.faults.add({ kind: "lost-response", match: { method: "POST" }, schedule: { count: 2 } });
  assert.equal((await drain(kit.client.searchObjects("contacts", {}))).items.length, 5);
  assert.equal((await drain(kit.client.batchRead("contacts", ids))).items.length, 5);
  assert.equal(kit.client.stats().retries, 5);
});

test("retries are bounded: a status that keeps failing ends as HUBSPOT_UNAVAILABLE after the configured attempts", async () => {
  const { kit } = await kitWithContacts(2, { retry: { attempts: 3 } });
  kit.emulator.control.faults.add({ kind: "503", match: { path: "/crm/v3/objects/contacts" } });
  await assert.rejects(listAll(kit), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_UNAVAILABLE");
    assert.equal(error.details.status, 503);
    assert.match(error.message, /Service Unavailable/);
    assert.ok(error.details.correlationId);
    return true;
  });
  assert.equal(kit.emulator.control.stats.snapshot().total, 3);
  assert.equal(kit.client.stats().failures, 1);
});

test("403 MISSING_SCOPES fails at once, naming the scope; other 4xx fail at once with HubSpot's message and correlationId", async () => {
  const { kit } = await kitWithContacts(1);
  const { token } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
  const narrow = kit.clientWith({ auth: { kind: "private-app", token } });
  assert.equal((await drain(narrow.listObjects("contacts"))).items.length, 1);
  await assert.rejects(drain(narrow.listObjects("companies")), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_MISSING_SCOPES");
    assert.match(error.message, /crm\.objects\.companies\.read/);
    assert.equal(error.details.subject, "crm.objects.companies.read");
    return true;
  });
  await assert.rejects(drain(kit.client.listObjects("unicorns")), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_BAD_REQUEST");
    assert.match(error.message, /Unable to infer object type from: unicorns/);
    assert.match(error.message, /correlationId/);
    assert.ok(error.details.correlationId);
    return true;
  });
  await assert.rejects(drain(kit.client.listMemberships("999999")), { code: "HUBSPOT_NOT_FOUND" });
  const bad = kit.clientWith({ auth: { kind: "private-app", token: "pat-na1-not-a-token" } });
  await assert.rejects(drain(bad.listObjects("contacts")), { code: "HUBSPOT_UNAUTHORIZED" });
  // None of these were retried.
  const stats = kit.emulator.control.stats.snapshot();
  assert.deepEqual([stats.byStatus["403"], stats.byStatus["400"], stats.byStatus["404"], stats.byStatus["401"]], [1, 1, 1, 1]);
});

/**
 * A front proxy in the path, as Cloudflare is in HubSpot's: it answers the first requests
 * itself (477, 52x, a 429 with Retry-After), then lets requests through to the emulator.
 */
function frontProxy(kit: EmulatorClientKit, answers: Array<{ status: number; headers?: Record<string, string> }>): FetchLike {
  const queue = [...answers];
  return async (input, init) => {
    const next = queue.shift();
    if (next === undefined) return kit.emulator.fetch(input, init);
    return new Response(JSON.stringify({ status: "error", message: `proxy said ${next.status}`, correlationId: "proxy" }), { status: next.status, headers: { "content-type": "application/json", ...next.headers } });
  };
}

test("477, 521, 523, 524 (from a front proxy) are retried; Retry-After is honoured, on 477 and on 429", async () => {
  const { kit, ids } = await kitWithContacts(3);
  const started = kit.emulator.control.clock.now();
  const client = kit.clientWith({
    fetch: frontProxy(kit, [{ status: 477, headers: { "retry-after": "7" } }, { status: 521 }, { status: 523 }, { status: 524 }, { status: 429, headers: { "retry-after": "3" } }]),
    limits: { retry: { attempts: 6 } },
  });
  assert.deepEqual((await drain(client.listObjects("contacts"))).items.map((r) => r.id), ids);
  const stats = client.stats();
  assert.equal(stats.retries, 5);
  assert.equal(stats.rateLimited, 1);
  // 7 s as told, then jittered back-off (0.75 of 1 s, 2 s, 4 s with this client's fixed dice), then 3 s as told.
  assert.equal(stats.backoffWaitedMs, 7_000 + 750 + 1_500 + 3_000);
  assert.equal(stats.rateLimitWaitedMs, 3_000);
  const elapsed = kit.emulator.control.clock.now() - started;
  assert.ok(elapsed >= 15_250 && elapsed < 16_000, `no wait beyond Retry-After: ${elapsed} ms`);
});

test("a success body that breaks HubSpot's contract is HUBSPOT_BAD_RESPONSE naming the field", async () => {
  const { kit } = await kitWithContacts(2);
  const corrupting: FetchLike = async (input, init) => {
    const response = await kit.emulator.fetch(input, init);
    const text = (await response.text()).replace(/"createdAt":"[^"]*"/, '"createdAt":42');
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const client = kit.clientWith({ fetch: corrupting });
  await assert.rejects(drain(client.listObjects("contacts")), (error: unknown) => {
    assert.ok(error instanceof HubsyncError);
    assert.equal(error.code, "HUBSPOT_BAD_RESPONSE");
    assert.equal(error.details.subject, "results[0].createdAt");
    return true;
  });
});

test("a cancelled read stops with SYNC_ABORTED and sends nothing more", async () => {
  const { kit } = await kitWithContacts(3);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(drain(kit.client.listObjects("contacts", { signal: controller.signal })), { code: "SYNC_ABORTED" });
  assert.equal(kit.emulator.control.stats.snapshot().total, 0);
});
