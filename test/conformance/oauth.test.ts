import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client } from "@hubspot/api-client";
import { runningEmulator, sdkError, suiteEmulator, type RunningEmulator } from "./running-emulator.ts";

const redirectUri = "http://localhost:3000/oauth-callback";
const scopes = "crm.objects.contacts.read crm.objects.contacts.write";

describe("conformance: the OAuth authorization-code flow through client.oauth", () => {
  let hub: RunningEmulator;
  let oauthClient: Client;
  before(async () => {
    hub = await runningEmulator({ oauthAutoApprove: true });
    hub.emulator.control.clock.freeze(true);
    // The token endpoint needs no credential: a client with only a basePath, as an app's backend has.
    oauthClient = new Client({ basePath: hub.url });
  });
  after(() => hub.close());

  /** What the user's browser does: open the authorize URL (on the emulator instead of app.hubspot.com) and land on the redirect. */
  async function authorize(state: string): Promise<URL> {
    const { clientId } = hub.emulator.info();
    const sdkUrl = new URL(oauthClient.oauth.getAuthorizationUrl(clientId, redirectUri, scopes, undefined, state));
    assert.equal(sdkUrl.origin, "https://app.hubspot.com", "the SDK builds the authorize URL on app.hubspot.com whatever the basePath");
    const onEmulator = new URL(`${sdkUrl.pathname}${sdkUrl.search}`, hub.url);
    const response = await fetch(onEmulator, { redirect: "manual" });
    assert.equal(response.status, 302);
    return new URL(response.headers.get("location") ?? "");
  }

  test("authorize → code → tokens → API call → refresh", async () => {
    const { clientId, clientSecret, portalId } = hub.emulator.info();
    const landing = await authorize("xyz-123");
    assert.equal(`${landing.origin}${landing.pathname}`, redirectUri);
    assert.equal(landing.searchParams.get("state"), "xyz-123");
    const code = landing.searchParams.get("code");
    assert.ok(code);

    const tokens = await oauthClient.oauth.tokensApi.create("authorization_code", code, redirectUri, clientId, clientSecret);
    assert.equal(tokens.tokenType, "bearer");
    assert.equal(tokens.expiresIn, 1800);
    assert.ok(tokens.refreshToken);

    const info = await oauthClient.oauth.accessTokensApi.get(tokens.accessToken);
    assert.equal(info.hubId, portalId);
    assert.deepEqual([...info.scopes].sort(), scopes.split(" ").sort());

    const user = hub.clientWith({ accessToken: tokens.accessToken });
    const created = await user.crm.contacts.basicApi.create({ properties: { email: "oauth@example.com" }, associations: [] });
    assert.match(created.id, /^\d+$/);

    // A code is single-use.
    const reused = await sdkError(() => oauthClient.oauth.tokensApi.create("authorization_code", code, redirectUri, clientId, clientSecret));
    assert.equal(reused.code, 400);

    // Past its 30 minutes the access token is refused; the refresh token gets a new one.
    hub.emulator.control.clock.advance(1_800_000 + 1);
    const expired = await sdkError(() => user.crm.contacts.basicApi.getById(created.id));
    assert.equal(expired.code, 401);
    // HubSpot's category for an expired token is EXPIRED_AUTHENTICATION, not INVALID_AUTHENTICATION.
    assert.equal(expired.body.category, "EXPIRED_AUTHENTICATION");

    const refreshed = await oauthClient.oauth.tokensApi.create("refresh_token", undefined, undefined, clientId, clientSecret, tokens.refreshToken);
    assert.notEqual(refreshed.accessToken, tokens.accessToken);
    assert.ok(refreshed.refreshToken, "HubSpot returns a refresh token with every refresh: keep the newest");
    const again = hub.clientWith({ accessToken: refreshed.accessToken });
    assert.equal((await again.crm.contacts.basicApi.getById(created.id)).id, created.id);
  });

  test("a bad refresh token is a 400 invalid_grant / BAD_REFRESH_TOKEN", async () => {
    const { clientId, clientSecret } = hub.emulator.info();
    const error = await sdkError(() => oauthClient.oauth.tokensApi.create("refresh_token", undefined, undefined, clientId, clientSecret, "not-a-refresh-token"));
    assert.equal(error.code, 400);
    assert.equal(error.body["error"], "invalid_grant");
    assert.equal(error.body.status, "BAD_REFRESH_TOKEN");
  });

  test("a wrong client secret cannot exchange a code", async () => {
    const { clientId } = hub.emulator.info();
    const code = (await authorize("s")).searchParams.get("code") ?? "";
    const error = await sdkError(() => oauthClient.oauth.tokensApi.create("authorization_code", code, redirectUri, clientId, "wrong-secret"));
    assert.equal(error.code, 400);
  });
});

describe("conformance: scopes and authentication errors", () => {
  const hub = suiteEmulator();

  test("a token without the scope: the SDK throws code 403 with category MISSING_SCOPES", async () => {
    const { token } = hub.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read"] });
    const narrow = hub.clientWith({ accessToken: token });
    assert.ok(Array.isArray((await narrow.crm.contacts.basicApi.getPage()).results));
    const write = await sdkError(() => narrow.crm.contacts.basicApi.create({ properties: { email: "nope@example.com" }, associations: [] }));
    assert.equal(write.code, 403);
    assert.equal(write.body.category, "MISSING_SCOPES");
    assert.match(JSON.stringify(write.body), /crm\.objects\.contacts\.write/);
    const otherType = await sdkError(() => narrow.crm.deals.basicApi.getPage());
    assert.equal(otherType.code, 403);
    assert.equal(otherType.body.category, "MISSING_SCOPES");
  });

  test("an unknown token is a 401 INVALID_AUTHENTICATION with a JSON body", async () => {
    const stranger = hub.clientWith({ accessToken: "pat-na1-00000000-0000-0000-0000-000000000000" });
    const error = await sdkError(() => stranger.crm.contacts.basicApi.getPage());
    assert.equal(error.code, 401);
    assert.equal(error.body.category, "INVALID_AUTHENTICATION");
    assert.equal(error.body.status, "error");
  });
});
