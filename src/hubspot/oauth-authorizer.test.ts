import assert from "node:assert/strict";
import { test } from "node:test";
import type { HubSpotClient } from "./hubspot-client.ts";
import type { OAuthTokens } from "./hubspot-auth.ts";
import { drain, emulatorClient, type EmulatorClientKit } from "./test-support/emulator-client.ts";
import { installOAuthApp } from "./test-support/oauth-install.ts";
import { createRecords } from "./test-support/seed-records.ts";

const SCOPES = ["oauth", "crm.objects.contacts.read"];
const TOKEN_ROUTE = "POST /oauth/v1/token";

async function oauthKit(input: { ttlSeconds?: number } = {}): Promise<{ kit: EmulatorClientKit; refreshToken: string; accessToken: string; stored: OAuthTokens[]; oauthClient: (extra?: { accessToken?: string; expiresAt?: number; refreshToken?: string }) => HubSpotClient }> {
  const kit = emulatorClient({ oauthAutoApprove: true, accessTokenTtlSeconds: input.ttlSeconds ?? 1800 });
  await createRecords(kit, "contacts", 3, (i) => ({ email: `o${i}@example.com` }));
  const { refreshToken, accessToken } = await installOAuthApp(kit.emulator, SCOPES);
  const stored: OAuthTokens[] = [];
  const info = kit.emulator.info();
  const oauthClient = (extra: { accessToken?: string; expiresAt?: number; refreshToken?: string } = {}): HubSpotClient =>
    kit.clientWith({
      auth: { kind: "oauth", clientId: info.clientId, clientSecret: info.clientSecret, refreshToken, ...extra },
      onTokens: (tokens) => {
        stored.push(tokens);
      },
    });
  kit.emulator.control.stats.reset();
  return { kit, refreshToken, accessToken, stored, oauthClient };
}

const tokenCalls = (kit: EmulatorClientKit): number => kit.emulator.control.stats.snapshot().byRoute[TOKEN_ROUTE]?.total ?? 0;
const readOnce = async (client: HubSpotClient): Promise<number> => (await drain(client.listObjects("contacts", { pageSize: 1 }))).items.length;

test("OAuth: a 60 s sync with a 5 s token TTL refreshes on TTL, once per expiry for concurrent calls, and no request fails", async () => {
  const { kit, stored, oauthClient } = await oauthKit({ ttlSeconds: 5 });
  const client = oauthClient();
  for (let second = 0; second < 60; second++) {
    // Five reads at once each step, then a second of (emulator) time passes.
    const counts = await Promise.all(Array.from({ length: 5 }, () => readOnce(client)));
    assert.deepEqual(counts, [3, 3, 3, 3, 3]);
    kit.emulator.control.clock.advance(1_000);
  }
  const stats = client.stats();
  const emulatorStats = kit.emulator.control.stats.snapshot();
  assert.equal(stats.failures, 0);
  assert.equal(emulatorStats.byStatus["401"], undefined, "refreshed before expiry, never after a 401");
  // Refreshed at 2.5 s of each 5 s token's life (the margin is capped at half the lifetime).
  assert.ok(stats.refreshes >= 20 && stats.refreshes <= 30, `refreshes: ${stats.refreshes}`);
  assert.equal(tokenCalls(kit), stats.refreshes, "one token call per refresh: concurrent calls shared it");
  assert.equal(stored.length, stats.refreshes);
  assert.ok(stored.every((t) => t.refreshToken !== "" && t.expiresAt > 0));
});

test("OAuth: an expired token refused with 401 by every one of 20 concurrent calls is refreshed once, and all succeed", async () => {
  const { kit, accessToken, oauthClient } = await oauthKit({ ttlSeconds: 60 });
  // The client believes the token good for an hour (clock skew, say); HubSpot says it expired.
  const client = oauthClient({ accessToken, expiresAt: kit.emulator.control.clock.now() + 3_600_000 });
  kit.emulator.control.clock.advance(61_000);
  const counts = await Promise.all(Array.from({ length: 20 }, () => readOnce(client)));
  assert.ok(counts.every((n) => n === 3));
  assert.equal(kit.emulator.control.stats.snapshot().byStatus["401"], 20);
  assert.equal(tokenCalls(kit), 1);
  assert.equal(client.stats().refreshes, 1);
  assert.equal(client.stats().failures, 0);
});

test("OAuth: the token endpoint's 429, 503 and dropped connections are retried; the refresh succeeds", async () => {
  const { kit, oauthClient } = await oauthKit();
  kit.emulator.control.faults.add({ kind: "429", match: { path: "/oauth/v1/token" }, schedule: { count: 2 } });
  kit.emulator.control.faults.add({ kind: "503", match: { path: "/oauth/v1/token" }, schedule: { count: 1 } });
  kit.emulator.control.faults.add({ kind: "reset", match: { path: "/oauth/v1/token" }, schedule: { count: 1 } });
  const client = oauthClient();
  assert.equal(await readOnce(client), 3);
  assert.equal(tokenCalls(kit), 5);
  assert.equal(client.stats().calls["token-refresh"], 5);
  assert.equal(client.stats().refreshes, 1);
});

test("OAuth: a revoked refresh token is OAUTH_REFRESH_FAILED at once, not retried", async () => {
  const { kit, oauthClient } = await oauthKit();
  const client = oauthClient({ refreshToken: "not-a-refresh-token" });
  await assert.rejects(drain(client.listObjects("contacts")), (error: Error & { code?: string }) => {
    assert.equal(error.code, "OAUTH_REFRESH_FAILED");
    assert.match(error.message, /refresh token/i);
    return true;
  });
  assert.equal(tokenCalls(kit), 1);
});

test("OAuth: a rotated refresh token is handed to onTokens and used for the next refresh", async () => {
  const { kit, refreshToken, stored, oauthClient } = await oauthKit({ ttlSeconds: 10 });
  kit.emulator.parts.state.oauth.rotateRefreshTokens = true;
  const client = oauthClient();
  assert.equal(await readOnce(client), 3);
  kit.emulator.control.clock.advance(20_000);
  // The first refresh token is now void: this refresh only works with the rotated one.
  assert.equal(await readOnce(client), 3);
  assert.equal(stored.length, 2);
  assert.notEqual(stored[0]?.refreshToken, refreshToken);
  assert.notEqual(stored[1]?.refreshToken, stored[0]?.refreshToken);
});

test("OAuth: tokenInfo and accessTokenScopes report the portal and the granted scopes", async () => {
  const { kit, oauthClient } = await oauthKit();
  const client = oauthClient();
  const info = await client.tokenInfo();
  assert.equal(info.kind, "oauth");
  assert.equal(info.hubId, String(kit.emulator.info().portalId));
  assert.deepEqual([...(await client.accessTokenScopes())].sort(), [...SCOPES].sort());
});
