import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, mock, test } from "node:test";
import type { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts/index.js";
import { runningEmulator, sdkError, type RunningEmulator } from "./running-emulator.ts";

/**
 * The SDK's retry decorator waits with `setTimeout` (10 s × attempt after a burst 429, 1 s ×
 * attempt after a secondly one, 200 ms × attempt after a 5xx). Node's mock timers stand in
 * for those waits, and the emulator's clock moves past its window when a 429 was answered,
 * so the whole dance takes milliseconds and never sleeps.
 */
async function driveRetries<T>(hub: RunningEmulator, call: () => Promise<T>, windowMs: number): Promise<T> {
  let settled = false;
  const result = call().finally(() => {
    settled = true;
  });
  // Handled here so a rejection while the loop still turns is not reported as unhandled; the caller still gets it.
  result.catch(() => undefined);
  let handled = hub.emulator.control.stats.snapshot().rateLimited;
  for (let turn = 0; !settled; turn += 1) {
    if (turn > 5_000) throw new Error(`the SDK call never settled: ${JSON.stringify(hub.emulator.control.stats.snapshot().byStatus)}`);
    await new Promise((resolve) => setImmediate(resolve));
    const limited = hub.emulator.control.stats.snapshot().rateLimited;
    if (limited > handled) {
      hub.emulator.control.clock.advance(windowMs);
      handled = limited;
    }
    mock.timers.tick(500);
  }
  return result;
}

describe("conformance: the SDK's own retries recover from the emulator's 429s and 5xx", () => {
  let hub: RunningEmulator;
  let retrying: Client;
  let contactId: string;
  before(async () => {
    hub = await runningEmulator({ rateLimits: true, tier: "starter" });
    hub.emulator.control.clock.freeze(true);
    contactId = (await hub.client.crm.contacts.basicApi.create({ properties: { email: "retry@example.com" }, associations: [] })).id;
    // The SDK's decorators are process-global and captured when an API group is first touched:
    // build the retrying client last and touch its groups now.
    retrying = hub.clientWith({ numberOfApiCallRetries: 3 });
    void retrying.crm.contacts.basicApi;
    void retrying.crm.contacts.searchApi;
    // Enabled once for the suite: resetting it between tests would orphan timers fetch (undici) keeps.
    mock.timers.enable({ apis: ["setTimeout"] });
  });
  after(async () => {
    mock.timers.reset();
    await hub.close();
  });
  beforeEach(() => {
    hub.emulator.control.stats.reset();
    hub.emulator.control.faults.clear();
  });
  afterEach(() => {
    // Leave every window behind before the next test.
    hub.emulator.control.clock.advance(60_000);
  });

  test("injected burst 429s (TEN_SECONDLY_ROLLING): retried, the call succeeds, stats show the 429s", async () => {
    hub.emulator.control.faults.add({ kind: "429", match: { method: "GET", path: "/crm/v3/objects/contacts/" }, schedule: { count: 2 } });
    const record = await driveRetries(hub, () => retrying.crm.contacts.basicApi.getById(contactId), 10_000);
    assert.equal(record.id, contactId);
    const stats = hub.emulator.control.stats.snapshot();
    assert.equal(stats.rateLimited, 2);
    assert.equal(stats.faults.byKind["429"], 2);
    assert.equal(stats.byStatus["200"], 1);
  });

  test("the real burst limiter: a private app past its 100 calls per 10 s is refused, then the SDK's retry gets through", async () => {
    const { token } = hub.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
    const plain = hub.clientWith({ accessToken: token });
    let last: Response | undefined;
    for (let i = 0; i < 100; i += 1) last = await fetch(`${hub.url}/crm/v3/objects/contacts?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(last?.headers.get("x-hubspot-ratelimit-remaining"), "0");
    const refused = await sdkError(() => plain.crm.contacts.basicApi.getPage(1));
    assert.equal(refused.code, 429);
    assert.equal(refused.body["policyName"], "TEN_SECONDLY_ROLLING");

    const same = hub.clientWith({ accessToken: token, numberOfApiCallRetries: 3 });
    const page = await driveRetries(hub, () => same.crm.contacts.basicApi.getPage(1), 10_000);
    assert.equal(page.results.length, 1);
    assert.equal(hub.emulator.control.stats.snapshot().rateLimited, 2, "one 429 for the plain client, one the retrying client recovered from");
  });

  test("the search limit (5 per second, 'You have reached your secondly limit.') is retried too", async () => {
    const request = { filterGroups: [{ filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: "retry@example.com" }] }] };
    // Search has its own budget and, unlike other endpoints, reports none of it in headers.
    const searched = await retrying.crm.contacts.searchApi.doSearchWithHttpInfo(request);
    assert.equal(searched.headers["x-hubspot-ratelimit-max"], undefined);
    const listed = await retrying.crm.contacts.basicApi.getPageWithHttpInfo(1);
    assert.equal(listed.headers["x-hubspot-ratelimit-max"], "100");
    for (let i = 0; i < 4; i += 1) await retrying.crm.contacts.searchApi.doSearch(request);
    const found = await driveRetries(hub, () => retrying.crm.contacts.searchApi.doSearch(request), 1_000);
    assert.deepEqual(found.results.map((r) => r.id), [contactId]);
    assert.equal(hub.emulator.control.stats.snapshot().rateLimited, 1);
  });

  test("a 503 is retried after 200 ms × attempt", async () => {
    hub.emulator.control.faults.add({ kind: "503", match: { method: "GET" }, schedule: { count: 1 } });
    const record = await driveRetries(hub, () => retrying.crm.contacts.basicApi.getById(contactId), 0);
    assert.equal(record.id, contactId);
    assert.equal(hub.emulator.control.stats.snapshot().faults.byKind["503"], 1);
  });

  test("more faults than attempts: the SDK gives up and throws the last 429", async () => {
    hub.emulator.control.faults.add({ kind: "429", match: { method: "GET" }, schedule: { count: 5 } });
    const error = await sdkError(() => driveRetries(hub, () => retrying.crm.contacts.basicApi.getById(contactId), 10_000));
    assert.equal(error.code, 429);
    assert.equal(hub.emulator.control.stats.snapshot().rateLimited, 3, "numberOfApiCallRetries is the total number of attempts");
  });

  test("a DAILY 429 is not retried", async () => {
    hub.emulator.parts.rateLimiter.useDailyCalls(hub.emulator.info().portalId, 10_000_000);
    const error = await sdkError(() => driveRetries(hub, () => retrying.crm.contacts.basicApi.getById(contactId), 10_000));
    assert.equal(error.code, 429);
    assert.equal(error.body["policyName"], "DAILY");
    assert.equal(hub.emulator.control.stats.snapshot().rateLimited, 1);
    // A new day (midnight UTC by the emulator's clock) restores the budget for the tests after this one.
    hub.emulator.control.clock.advance(24 * 60 * 60 * 1000);
  });

  test("retry settings are process-global: a client built later strips them from API groups touched afterwards", async () => {
    hub.emulator.control.faults.add({ kind: "429", match: { method: "GET" }, schedule: { count: 1 } });
    const late = hub.clientWith({ numberOfApiCallRetries: 3 });
    hub.clientWith(); // another Client, e.g. for another portal, replaces the global decorators
    const error = await sdkError(() => driveRetries(hub, () => late.crm.contacts.basicApi.getById(contactId), 10_000));
    assert.equal(error.code, 429, "no retry happened although `late` asked for 3 attempts");
    // The client whose groups were touched before keeps retrying.
    hub.emulator.control.faults.add({ kind: "429", match: { method: "GET" }, schedule: { count: 1 } });
    assert.equal((await driveRetries(hub, () => retrying.crm.contacts.basicApi.getById(contactId), 10_000)).id, contactId);
  });
});
