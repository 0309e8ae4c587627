import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";
import type { Emulator } from "../index.ts";

const REDIRECT = "http://localhost:3000/oauth/callback";

function authorizeUrl(emulator: Emulator, params: Record<string, string> = {}): string {
  const info = emulator.info();
  const query = new URLSearchParams({ client_id: info.clientId, redirect_uri: REDIRECT, scope: "crm.objects.contacts.read oauth", state: "xyz", ...params });
  return `${info.baseUrl}/oauth/authorize?${query}`;
}

async function authorize(emulator: Emulator, params: Record<string, string> = {}): Promise<URL> {
  const response = await emulator.fetch(authorizeUrl(emulator, params), { redirect: "manual" });
  assert.equal(response.status, 302, await response.clone().text());
  return new URL(response.headers.get("location") ?? "");
}

async function postForm(emulator: Emulator, path: string, fields: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await emulator.fetch(`${emulator.info().baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : text.startsWith("{") ? JSON.parse(text) : text };
}

function exchangeCode(emulator: Emulator, code: string, path = "/oauth/v1/token") {
  const info = emulator.info();
  return postForm(emulator, path, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: info.clientId, client_secret: info.clientSecret });
}

function refresh(emulator: Emulator, refreshToken: string) {
  const info = emulator.info();
  return postForm(emulator, "/oauth/v1/token", { grant_type: "refresh_token", refresh_token: refreshToken, client_id: info.clientId, client_secret: info.clientSecret });
}

async function install(emulator: Emulator, params: Record<string, string> = {}) {
  const location = await authorize(emulator, params);
  const answer = await exchangeCode(emulator, location.searchParams.get("code") ?? "");
  assert.equal(answer.status, 200);
  return answer.body as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
}

test("full flow: code → token → API call → expiry gives 401 EXPIRED_AUTHENTICATION → refresh → works again", async () => {
  const { emulator, call } = emulatorApi({ oauthAutoApprove: true, rateLimits: true, accessTokenTtlSeconds: 1800 });
  emulator.parts.state.clock.freeze(true);
  const location = await authorize(emulator);
  assert.equal(`${location.origin}${location.pathname}`, REDIRECT);
  assert.equal(location.searchParams.get("state"), "xyz");
  const code = location.searchParams.get("code");
  assert.ok(code);

  const tokens = await exchangeCode(emulator, code);
  assert.equal(tokens.status, 200);
  assert.equal(tokens.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(tokens.body.token_type, "bearer");
  assert.equal(tokens.body.expires_in, 1800);
  assert.ok(tokens.body.access_token.length > 100 && tokens.body.access_token.length <= 512);

  const first = await call("GET", "/crm/v3/objects/contacts", undefined, { token: tokens.body.access_token });
  assert.equal(first.status, 200);
  // The OAuth app's budget, not a private app's: proves the call ran as the OAuth grant.
  assert.equal(first.headers.get("x-hubspot-ratelimit-max"), "110");
  assert.equal(first.headers.get("x-hubspot-ratelimit-daily"), null);

  emulator.parts.state.clock.advance(1800 * 1000 + 5 * 60_000);
  const expired = await call("GET", "/crm/v3/objects/contacts", undefined, { token: tokens.body.access_token });
  assert.equal(expired.status, 401);
  assert.equal(expired.body.category, "EXPIRED_AUTHENTICATION");
  assert.equal(expired.body.message, "The OAuth token used to make this call expired 5 minute(s) ago.");

  const refreshed = await refresh(emulator, tokens.body.refresh_token);
  assert.equal(refreshed.status, 200);
  assert.notEqual(refreshed.body.access_token, tokens.body.access_token);
  assert.equal(refreshed.body.refresh_token, tokens.body.refresh_token, "HubSpot does not rotate refresh tokens");
  const again = await call("GET", "/crm/v3/objects/contacts", undefined, { token: refreshed.body.access_token });
  assert.equal(again.status, 200);
  assert.equal(again.headers.get("x-hubspot-ratelimit-max"), "110");
});

test("an OAuth token reads the types it was granted and gets 403 MISSING_SCOPES naming the scope on others", async () => {
  const { emulator, call } = emulatorApi({ oauthAutoApprove: true });
  const tokens = await install(emulator, { scope: "crm.objects.contacts.read" });
  assert.equal((await call("GET", "/crm/v3/objects/contacts", undefined, { token: tokens.access_token })).status, 200);
  const refused = await call("GET", "/crm/v3/objects/companies", undefined, { token: tokens.access_token });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.category, "MISSING_SCOPES");
  assert.deepEqual(refused.body.errors[0].context, { requiredGranularScopes: ["crm.objects.companies.read"] });
  const write = await call("POST", "/crm/v3/objects/contacts", { properties: { email: "a@b.example" } }, { token: tokens.access_token });
  assert.equal(write.status, 403);
  assert.deepEqual(write.body.errors[0].context, { requiredGranularScopes: ["crm.objects.contacts.write"] });
});

test("private-app tokens never expire", async () => {
  const { emulator, call } = emulatorApi();
  emulator.parts.state.clock.advance(400 * 86_400_000);
  const answer = await call("GET", "/crm/v3/objects/contacts");
  assert.equal(answer.status, 200);
});

test("an authorization code works once", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  const code = (await authorize(emulator)).searchParams.get("code") ?? "";
  assert.equal((await exchangeCode(emulator, code)).status, 200);
  const second = await exchangeCode(emulator, code);
  assert.equal(second.status, 400);
  assert.equal(second.body.error, "invalid_grant");
  assert.equal(second.body.status, "BAD_AUTH_CODE");
});

test("an authorization code expires after 10 minutes", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  emulator.parts.state.clock.freeze(true);
  const code = (await authorize(emulator)).searchParams.get("code") ?? "";
  emulator.parts.state.clock.advance(10 * 60_000);
  const answer = await exchangeCode(emulator, code);
  assert.equal(answer.status, 400);
  assert.equal(answer.body.status, "BAD_AUTH_CODE");
});

test("the code must come back with the redirect_uri it was issued for", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  const info = emulator.info();
  const code = (await authorize(emulator)).searchParams.get("code") ?? "";
  const answer = await postForm(emulator, "/oauth/v1/token", {
    grant_type: "authorization_code", code, redirect_uri: "http://evil.example/cb", client_id: info.clientId, client_secret: info.clientSecret,
  });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, "invalid_grant");
  assert.equal((await exchangeCode(emulator, code)).status, 200, "a refused attempt does not burn the code");
});

test("a bad refresh token gets HubSpot's invalid_grant body", async () => {
  const { emulator } = emulatorApi();
  const answer = await refresh(emulator, "na1-not-a-token");
  assert.equal(answer.status, 400);
  assert.equal(answer.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(answer.body.error, "invalid_grant");
  assert.equal(answer.body.status, "BAD_REFRESH_TOKEN");
  assert.equal(typeof answer.body.error_description, "string");
  assert.equal(typeof answer.body.message, "string");
});

test("a wrong client secret is invalid_client", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  const tokens = await install(emulator);
  const answer = await postForm(emulator, "/oauth/v1/token", {
    grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: emulator.info().clientId, client_secret: "wrong",
  });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, "invalid_client");
});

test("an unsupported grant type is refused", async () => {
  const { emulator } = emulatorApi();
  const info = emulator.info();
  const answer = await postForm(emulator, "/oauth/v1/token", { grant_type: "password", client_id: info.clientId, client_secret: info.clientSecret });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, "unsupported_grant_type");
});

test("the token endpoint also takes JSON, and v3 adds hub_id and scopes", async () => {
  const { emulator, call } = emulatorApi({ oauthAutoApprove: true });
  const info = emulator.info();
  const code = (await authorize(emulator, { scope: "crm.objects.contacts.read", optional_scope: "crm.objects.deals.read" })).searchParams.get("code") ?? "";
  const answer = await call("POST", "/oauth/v3/token", { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: info.clientId, client_secret: info.clientSecret }, { token: null });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.hub_id, info.portalId);
  assert.deepEqual(answer.body.scopes, ["crm.objects.contacts.read", "crm.objects.deals.read"]);
});

test("rotation, when turned on, returns a new refresh token and retires the old one", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  emulator.parts.state.oauth.rotateRefreshTokens = true;
  const tokens = await install(emulator);
  const rotated = await refresh(emulator, tokens.refresh_token);
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.refresh_token, tokens.refresh_token);
  assert.equal((await refresh(emulator, tokens.refresh_token)).status, 400);
  assert.equal((await refresh(emulator, rotated.body.refresh_token)).status, 200);
});

test("access-token info describes the token; unknown or expired tokens are 404", async () => {
  const { emulator, call } = emulatorApi({ oauthAutoApprove: true, accessTokenTtlSeconds: 600 });
  emulator.parts.state.clock.freeze(true);
  const info = emulator.info();
  const tokens = await install(emulator);
  emulator.parts.state.clock.advance(100_000);
  const answer = await call("GET", `/oauth/v1/access-tokens/${tokens.access_token}`, undefined, { token: null });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.token, tokens.access_token);
  assert.equal(answer.body.hub_id, info.portalId);
  assert.equal(answer.body.app_id, info.appId);
  assert.equal(answer.body.token_type, "access");
  assert.equal(answer.body.expires_in, 500);
  assert.deepEqual(answer.body.scopes, ["crm.objects.contacts.read", "oauth"]);
  assert.equal(typeof answer.body.user, "string");
  assert.equal(typeof answer.body.user_id, "number");
  assert.equal(typeof answer.body.hub_domain, "string");

  const unknown = await call("GET", "/oauth/v1/access-tokens/nope", undefined, { token: null });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get("content-type")?.startsWith("application/json"), true);
  assert.equal(unknown.body.status, "error");
  emulator.parts.state.clock.advance(500_000);
  assert.equal((await call("GET", `/oauth/v1/access-tokens/${tokens.access_token}`, undefined, { token: null })).status, 404);
});

test("deleting a refresh token revokes it and the access tokens it issued", async () => {
  const { emulator, call } = emulatorApi({ oauthAutoApprove: true });
  const tokens = await install(emulator);
  const infoAnswer = await call("GET", `/oauth/v1/refresh-tokens/${tokens.refresh_token}`, undefined, { token: null });
  assert.equal(infoAnswer.status, 200);
  assert.equal(infoAnswer.body.token_type, "refresh");
  assert.equal(infoAnswer.body.client_id, emulator.info().clientId);
  assert.equal(infoAnswer.body.hub_id, emulator.info().portalId);

  assert.notEqual((await call("GET", "/crm/v3/objects/contacts", undefined, { token: tokens.access_token })).status, 401);
  const deleted = await call("DELETE", `/oauth/v1/refresh-tokens/${tokens.refresh_token}`, undefined, { token: null });
  assert.equal(deleted.status, 204);
  assert.equal((await refresh(emulator, tokens.refresh_token)).body.status, "BAD_REFRESH_TOKEN");
  const revoked = await call("GET", "/crm/v3/objects/contacts", undefined, { token: tokens.access_token });
  assert.equal(revoked.status, 401);
  assert.equal(revoked.body.category, "INVALID_AUTHENTICATION");
  assert.equal((await call("GET", `/oauth/v1/refresh-tokens/${tokens.refresh_token}`, undefined, { token: null })).status, 404);
});

test("without auto-approve, authorize shows an HTML consent page naming portal, app and scopes", async () => {
  const { emulator } = emulatorApi();
  const info = emulator.info();
  const response = await emulator.fetch(authorizeUrl(emulator, { optional_scope: "crm.objects.deals.read" }), { redirect: "manual" });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
  const html = await response.text();
  assert.match(html, new RegExp(`Portal ${info.portalId}`));
  assert.match(html, new RegExp(String(info.appId)));
  assert.match(html, /crm\.objects\.contacts\.read/);
  assert.match(html, /crm\.objects\.deals\.read/);
  assert.match(html, /value="approve"/);
  assert.match(html, /value="deny"/);
});

test("approving on the consent page installs the app and redirects with a code; denying redirects with access_denied", async () => {
  const { emulator } = emulatorApi();
  const state = emulator.parts.state;
  state.addPortal(555, "starter");
  const info = emulator.info();
  const form = { client_id: info.clientId, redirect_uri: REDIRECT, scope: "crm.objects.contacts.read", state: "s1", portal_id: "555" };

  const denied = await postForm(emulator, "/oauth/authorize", { ...form, decision: "deny" });
  assert.equal(denied.status, 302);
  const deniedUrl = new URL(denied.headers.get("location") ?? "");
  assert.equal(deniedUrl.searchParams.get("error"), "access_denied");
  assert.equal(deniedUrl.searchParams.get("state"), "s1");
  assert.equal(deniedUrl.searchParams.get("code"), null);
  assert.equal(state.installedPortals.has(555), false);

  const approved = await postForm(emulator, "/oauth/authorize", { ...form, decision: "approve" });
  assert.equal(approved.status, 302);
  const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
  assert.equal(state.installedPortals.has(555), true);
  const tokens = await exchangeCode(emulator, code, "/oauth/v3/token");
  assert.equal(tokens.body.hub_id, 555);
});

test("authorize refuses an unknown scope, client or portal with a 400 naming it", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true });
  const badScope = await emulator.fetch(authorizeUrl(emulator, { scope: "crm.objects.contacts.read crm.objects.unicorns.read" }), { redirect: "manual" });
  assert.equal(badScope.status, 400);
  assert.equal(badScope.headers.get("content-type")?.startsWith("application/json"), true);
  assert.match((await badScope.json()).message, /crm\.objects\.unicorns\.read/);

  const badClient = await emulator.fetch(authorizeUrl(emulator, { client_id: "nobody" }), { redirect: "manual" });
  assert.equal(badClient.status, 400);
  assert.match((await badClient.json()).message, /nobody/);

  const badPortal = await emulator.fetch(authorizeUrl(emulator, { portal_id: "999" }), { redirect: "manual" });
  assert.equal(badPortal.status, 400);
  assert.match((await badPortal.json()).message, /999/);

  const badRedirect = await emulator.fetch(authorizeUrl(emulator, { redirect_uri: "not a url" }), { redirect: "manual" });
  assert.equal(badRedirect.status, 400);
});

test("the token endpoint is not rate limited", async () => {
  const { emulator } = emulatorApi({ oauthAutoApprove: true, rateLimits: true });
  emulator.parts.state.clock.freeze(true);
  const tokens = await install(emulator);
  for (let i = 0; i < 150; i += 1) {
    const answer = await refresh(emulator, tokens.refresh_token);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("x-hubspot-ratelimit-max"), null);
  }
});
