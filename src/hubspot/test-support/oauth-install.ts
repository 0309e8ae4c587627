import assert from "node:assert/strict";
import type { Emulator } from "../../emulator/index.ts";

const REDIRECT = "http://localhost:3000/oauth/callback";

/**
 * Test-only: installs the emulator's OAuth app (auto-approve must be on) through the public
 * authorize and token endpoints; returns the refresh token a real installation would store.
 */
export async function installOAuthApp(emulator: Emulator, scopes: string[]): Promise<{ refreshToken: string; accessToken: string }> {
  const info = emulator.info();
  const query = new URLSearchParams({ client_id: info.clientId, redirect_uri: REDIRECT, scope: scopes.join(" ") });
  const authorize = await emulator.fetch(`${info.baseUrl}/oauth/authorize?${query}`, { redirect: "manual" });
  assert.equal(authorize.status, 302, await authorize.clone().text());
  const code = new URL(authorize.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const answer = await emulator.fetch(`${info.baseUrl}/oauth/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: info.clientId, client_secret: info.clientSecret }).toString(),
  });
  assert.equal(answer.status, 200);
  const tokens = (await answer.json()) as { refresh_token: string; access_token: string };
  return { refreshToken: tokens.refresh_token, accessToken: tokens.access_token };
}
