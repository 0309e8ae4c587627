import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi, type ApiAnswer, type EmulatorApi } from "../../../test/support/emulator-api.ts";
import type { Tier } from "../options.ts";
import { hubspotRateLimits } from "./rate-limit-table.ts";

const LIST = "/crm/v3/objects/contacts";
const SEARCH = "/crm/v3/objects/contacts/search";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function limitedApi(tier: Tier = "professional", rateLimits = true): EmulatorApi {
  const api = emulatorApi({ rateLimits, tier });
  api.emulator.parts.state.clock.freeze(true);
  return api;
}

async function spend(api: EmulatorApi, calls: number, token?: string): Promise<ApiAnswer> {
  let last: ApiAnswer | undefined;
  for (let i = 0; i < calls; i += 1) {
    last = await api.call("GET", LIST, undefined, token === undefined ? {} : { token });
    assert.notEqual(last.status, 429, `call ${i + 1} of ${calls} was refused`);
  }
  assert.ok(last);
  return last;
}

function assertBurstBody(answer: ApiAnswer<any>): void {
  assert.equal(answer.status, 429);
  assert.equal(answer.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(answer.headers.get("retry-after"), null);
  assert.match(answer.body.correlationId, UUID);
  assert.equal(typeof answer.body.groupName, "string");
  assert.notEqual(answer.body.groupName, "");
  assert.deepEqual(answer.body, {
    status: "error",
    message: "You have reached your ten_secondly_rolling limit.",
    errorType: "RATE_LIMIT",
    correlationId: answer.body.correlationId,
    policyName: "TEN_SECONDLY_ROLLING",
    groupName: answer.body.groupName,
  });
}

for (const tier of ["starter", "professional", "enterprise"] as const) {
  test(`private app on ${tier}: ${hubspotRateLimits.privateApp[tier].burst} calls per 10 s, the next one is 429, 10 s later it works`, async () => {
    const api = limitedApi(tier);
    const max = hubspotRateLimits.privateApp[tier].burst;
    const last = await spend(api, max);
    assert.equal(last.headers.get("x-hubspot-ratelimit-remaining"), "0");
    const refused = await api.call("GET", LIST);
    assertBurstBody(refused);
    assert.equal(refused.headers.get("x-hubspot-ratelimit-max"), String(max));
    assert.equal(refused.headers.get("x-hubspot-ratelimit-remaining"), "0");

    api.emulator.parts.state.clock.advance(9_999);
    assert.equal((await api.call("GET", LIST)).status, 429);
    api.emulator.parts.state.clock.advance(1);
    const after = await api.call("GET", LIST);
    assert.notEqual(after.status, 429);
    assert.equal(after.headers.get("x-hubspot-ratelimit-remaining"), String(max - 1));
  });
}

test("the API limit increase raises the burst to 250 and adds a million daily calls per pack", async () => {
  const api = limitedApi("professional");
  const state = api.emulator.parts.state;
  api.emulator.parts.rateLimiter.setApiLimitIncrease(state.defaultPortal.id, 1);
  const last = await spend(api, 250);
  assert.equal(last.headers.get("x-hubspot-ratelimit-max"), "250");
  assert.equal(last.headers.get("x-hubspot-ratelimit-daily"), String(625_000 + 1_000_000));
  assertBurstBody(await api.call("GET", LIST));
});

test("every authenticated answer, errors included, carries the headers, and Remaining counts down", async () => {
  const api = limitedApi("professional");
  const first = await api.call("GET", LIST);
  const second = await api.call("GET", "/crm/v3/no-such-route");
  assert.equal(second.status, 404);
  for (const [answer, used] of [[first, 1], [second, 2]] as const) {
    assert.equal(answer.headers.get("x-hubspot-ratelimit-max"), "190");
    assert.equal(answer.headers.get("x-hubspot-ratelimit-remaining"), String(190 - used));
    assert.equal(answer.headers.get("x-hubspot-ratelimit-interval-milliseconds"), "10000");
    assert.equal(answer.headers.get("x-hubspot-ratelimit-daily"), "625000");
    assert.equal(answer.headers.get("x-hubspot-ratelimit-daily-remaining"), String(625_000 - used));
  }
});

test("the window rolls: calls leave it 10 s after they were made", async () => {
  const api = limitedApi("starter");
  const clock = api.emulator.parts.state.clock;
  await spend(api, 40);
  clock.advance(5_000);
  await spend(api, 60);
  assertBurstBody(await api.call("GET", LIST));
  clock.advance(5_000); // the first 40 leave the window, the later 60 stay
  const last = await spend(api, 40);
  assert.equal(last.headers.get("x-hubspot-ratelimit-remaining"), "0");
  assertBurstBody(await api.call("GET", LIST));
});

test("refused calls spend no budget", async () => {
  const api = limitedApi("starter");
  await spend(api, 100);
  for (let i = 0; i < 20; i += 1) assert.equal((await api.call("GET", LIST)).status, 429);
  api.emulator.parts.state.clock.advance(10_000);
  const after = await api.call("GET", LIST);
  assert.equal(after.headers.get("x-hubspot-ratelimit-remaining"), "99");
  assert.equal(after.headers.get("x-hubspot-ratelimit-daily-remaining"), String(250_000 - 101));
});

test("search has its own 5-per-second budget, answers without rate-limit headers, and leaves the burst alone", async () => {
  const api = limitedApi("professional");
  for (let i = 0; i < 5; i += 1) {
    const answer = await api.call("POST", SEARCH, { limit: 1 });
    assert.notEqual(answer.status, 429);
    assert.equal(answer.headers.get("x-hubspot-ratelimit-max"), null);
    assert.equal(answer.headers.get("x-hubspot-ratelimit-remaining"), null);
  }
  const refused = await api.call("POST", SEARCH, { limit: 1 });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get("x-hubspot-ratelimit-max"), null);
  assert.equal(refused.headers.get("retry-after"), null);
  assert.match(refused.body.correlationId, UUID);
  assert.deepEqual(refused.body, {
    status: "error",
    message: "You have reached your secondly limit.",
    errorType: "RATE_LIMIT",
    correlationId: refused.body.correlationId,
    policyName: "SECONDLY",
  });

  // The burst budget saw none of the searches, and other calls still work.
  const list = await api.call("GET", LIST);
  assert.equal(list.headers.get("x-hubspot-ratelimit-remaining"), "189");

  api.emulator.parts.state.clock.advance(1_000);
  assert.notEqual((await api.call("POST", SEARCH, { limit: 1 })).status, 429);
});

test("an exhausted burst does not block search", async () => {
  const api = limitedApi("starter");
  await spend(api, 100);
  assert.equal((await api.call("GET", LIST)).status, 429);
  assert.notEqual((await api.call("POST", SEARCH, { limit: 1 })).status, 429);
});

test("the daily limit refuses with DAILY until midnight by the emulator's clock", async () => {
  const api = limitedApi("starter");
  const { state, rateLimiter } = api.emulator.parts;
  state.clock.set(Date.UTC(2024, 0, 15, 23, 59, 50));
  const daily = hubspotRateLimits.privateApp.starter.daily;
  rateLimiter.useDailyCalls(state.defaultPortal.id, daily - 2);
  assert.equal((await api.call("GET", LIST)).headers.get("x-hubspot-ratelimit-daily-remaining"), "1");
  assert.equal((await api.call("GET", LIST)).headers.get("x-hubspot-ratelimit-daily-remaining"), "0");

  const refused = await api.call("GET", LIST);
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get("x-hubspot-ratelimit-daily-remaining"), "0");
  assert.match(refused.body.correlationId, UUID);
  assert.deepEqual(refused.body, {
    status: "error",
    message: "You have reached your daily limit.",
    errorType: "RATE_LIMIT",
    correlationId: refused.body.correlationId,
    policyName: "DAILY",
  });

  state.clock.advance(10_000); // 00:00:00 the next day
  const nextDay = await api.call("GET", LIST);
  assert.notEqual(nextDay.status, 429);
  assert.equal(nextDay.headers.get("x-hubspot-ratelimit-daily-remaining"), String(daily - 1));
});

test("a public OAuth app gets 110 calls per 10 s per installing portal, no daily budget and no daily headers", async () => {
  const api = limitedApi("enterprise");
  const state = api.emulator.parts.state;
  const other = state.addPortal(777, "starter");
  const expiry = state.clock.now() + 3600_000;
  const tokenA = state.tokens.issueAccessToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"], expiry).token;
  const tokenB = state.tokens.issueAccessToken(other.id, state.app.appId, ["crm.objects.contacts.read"], expiry).token;

  const last = await spend(api, 110, tokenA);
  assert.equal(last.headers.get("x-hubspot-ratelimit-max"), "110");
  assert.equal(last.headers.get("x-hubspot-ratelimit-remaining"), "0");
  assert.equal(last.headers.get("x-hubspot-ratelimit-daily"), null);
  assert.equal(last.headers.get("x-hubspot-ratelimit-daily-remaining"), null);
  assertBurstBody(await api.call("GET", LIST, undefined, { token: tokenA }));

  // Another portal's install has its own budget, and so has the portal's private app.
  assert.equal((await api.call("GET", LIST, undefined, { token: tokenB })).headers.get("x-hubspot-ratelimit-remaining"), "109");
  assert.equal((await api.call("GET", LIST)).headers.get("x-hubspot-ratelimit-remaining"), "189");

  // No daily limit: a day's worth of calls does not matter to an OAuth app.
  api.emulator.parts.rateLimiter.useDailyCalls(state.defaultPortal.id, 10_000_000);
  state.clock.advance(10_000);
  assert.notEqual((await api.call("GET", LIST, undefined, { token: tokenA })).status, 429);
});

test("with rate limits off nothing is refused, but the headers are still sent", async () => {
  const api = limitedApi("starter", false);
  const last = await spend(api, 150);
  assert.equal(last.headers.get("x-hubspot-ratelimit-max"), "100");
  assert.equal(last.headers.get("x-hubspot-ratelimit-remaining"), "0");
  assert.equal(last.headers.get("x-hubspot-ratelimit-daily-remaining"), String(250_000 - 150));
  for (let i = 0; i < 10; i += 1) assert.notEqual((await api.call("POST", SEARCH, { limit: 1 })).status, 429);
});
