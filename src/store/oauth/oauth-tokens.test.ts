import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";

bothStores("OAuth tokens saved for a connection are what a later process loads; newer ones replace them", async ({ store, open }) => {
  assert.equal((await store.loadOAuthTokens()).size, 0);
  await store.saveOAuthTokens("acme", { accessToken: "a1", refreshToken: "r1", expiresAt: Date.UTC(2026, 0, 1, 12) });
  await store.saveOAuthTokens("other", { accessToken: "b1", refreshToken: "s1", expiresAt: Date.UTC(2026, 0, 1, 13) });
  await store.saveOAuthTokens("acme", { accessToken: "a2", refreshToken: "r2", expiresAt: Date.UTC(2026, 0, 1, 14) });
  const later = await open();
  const tokens = await later.loadOAuthTokens();
  assert.deepEqual(tokens.get("acme"), { accessToken: "a2", refreshToken: "r2", expiresAt: Date.UTC(2026, 0, 1, 14) });
  assert.equal(tokens.get("other")?.refreshToken, "s1");
});
