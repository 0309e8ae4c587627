import assert from "node:assert/strict";
import { test } from "node:test";
import { seedPortal } from "../../emulator/seed/seed-portal.ts";
import { installOAuthApp } from "../../hubspot/test-support/oauth-install.ts";
import { parseConfig } from "../../config/index.ts";
import { silentLogger } from "../../core/logger.ts";
import { createEmulator } from "../../emulator/index.ts";
import { emulatorClock } from "../../hubspot/test-support/emulator-clock.ts";
import { openStore } from "../../store/index.ts";
import type { OAuthTokens } from "../../hubspot/index.ts";
import { createHubSpotClientFactory } from "./hubspot-client-factory.ts";
import { runInboundSync } from "./run-inbound-sync.ts";
import { assertMirrors, forEachDriver } from "./test-support/engine-kit.ts";
import { callApi, streamOf } from "./test-support/scene.ts";
import { createAt } from "./test-support/scene-records.ts";

const seedCounts = { owners: 2, companies: 5, contacts: 20, deals: 5, tickets: 0, products: 0, engagements: 0, gifts: 12 };

forEachDriver("custom_objects: all mirrors every custom object with its associations; `streams` runs only the ones named", async (kit) => {
  const k = await kit({ streams: "contacts:\ncustom_objects: { associations: [contacts] }" });
  seedPortal(k.portal, { seed: 8, counts: seedCounts });
  const only = await k.run({ streams: ["custom_objects"] });
  assert.deepEqual(only.streams.map((s) => s.stream), ["gift"]);
  await assertMirrors(k, "gift");
  assert.equal((await k.rows("contacts")).size, 0, "contacts were not asked for");
  const links = await k.store.associations(k.portalId, { fromType: "gift", toType: "contacts" });
  assert.ok(links.length > 0 && links.every((l) => l.typeId > 0 && l.category.length > 0));

  const all = await k.run();
  assert.deepEqual(all.streams.map((s) => s.stream), ["contacts", "gift"]);
  await assertMirrors(k, "contacts");

  const unknown = await k.attempt({ streams: ["nope"] });
  assert.ok(unknown.ok && unknown.value.status === "failed" && unknown.value.error?.code === "CONFIG_INVALID");
});

forEachDriver("a value that does not fit its column is kept in the raw JSON and reported per record in the audit log", async (kit) => {
  const k = await kit({ streams: "contacts:" });
  const created = await callApi(k, "POST", "/crm/v3/properties/contacts", { name: "score", label: "Score", type: "number", fieldType: "number", groupName: "contactinformation" });
  assert.equal(created.status, 201);
  const [bad] = createAt(k.portal, "contacts", 2, k.clock.now() - 60_000, (i) => ({ email: `v${i}@example.com`, score: i === 0 ? "not a number" : "42" }));
  const summary = await k.run();
  assert.equal(streamOf(summary, "contacts").warnings, 1);
  const row = (await k.rows("contacts")).get(bad ?? "");
  assert.equal(row?.values["score"], null);
  assert.equal(row?.properties["score"], "not a number");
  const entries = await k.store.auditEntries(summary.runId, { levels: ["warn"] });
  const entry = entries.find((e) => e.action === "value_not_typed");
  assert.equal(entry?.recordId, bad);
  assert.deepEqual(entry?.details, { property: "score", value: "not a number", expectedType: "number" });
  assert.ok((await k.store.auditEntries(summary.runId)).some((e) => e.action === "stream_finished" && e.stream === "contacts"));
});

forEachDriver("an unknown custom object fails its stream only; the others run and the run says failed", async (kit) => {
  const k = await kit({ streams: "contacts:\np_nothing:" });
  createAt(k.portal, "contacts", 3, k.clock.now() - 60_000, (i) => ({ email: `u${i}@example.com` }));
  const result = await k.attempt();
  assert.ok(result.ok);
  assert.equal(result.value.status, "failed");
  assert.equal(result.value.error?.code, "HUBSPOT_NOT_FOUND");
  assert.equal(streamOf(result.value, "contacts").written, 3);
  assert.equal(streamOf(result.value, "p_nothing").errors, 1);
  const run = await k.store.getRun(result.value.runId);
  assert.deepEqual(run?.errors.map((e) => [e.stream, e.code]), [["p_nothing", "HUBSPOT_NOT_FOUND"]]);
});

test("the client factory keeps one client per connection and hands refreshed OAuth tokens back", async () => {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, oauthAutoApprove: true, accessTokenTtlSeconds: 5 });
  const clock = emulatorClock(emulator);
  const info = emulator.info();
  seedPortal(emulator.parts.state.defaultPortal, { seed: 1, counts: { ...seedCounts, gifts: 0, contacts: 30 } });
  const { refreshToken } = await installOAuthApp(emulator, ["crm.objects.contacts.read", "crm.schemas.contacts.read", "oauth"]);
  const yaml = `version: 1
connections:
  hub:
    baseUrl: ${info.baseUrl}
    auth: { type: oauth, clientId: "${info.clientId}", clientSecret: "${info.clientSecret}", refreshToken: "${refreshToken}" }
inbound:
  m:
    connection: hub
    streams:
      contacts: { strategy: full_refresh, pageSize: 5, archived: false }
`;
  const parsed = parseConfig(yaml, {});
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.error.message);
  const saved: Array<[string, OAuthTokens]> = [];
  const hubspotFor = createHubSpotClientFactory({
    fetch: async (input, init) => {
      // Each request takes a second of emulator time: the 5 s token expires during the run.
      emulator.control.clock.advance(1_000);
      return emulator.fetch(input, init);
    },
    clock,
    onTokens: (connection, tokens) => {
      saved.push([connection.name, tokens]);
    },
  });
  const connection = parsed.value.connections[0];
  assert.ok(connection !== undefined);
  assert.equal(hubspotFor(connection), hubspotFor(connection));
  const store = await openStore({ kind: "sqlite", path: ":memory:" }, { clock, logger: silentLogger });
  try {
    const result = await runInboundSync({ store, hubspotFor, clock, logger: silentLogger }, parsed.value, "m");
    assert.ok(result.ok && result.value.status === "succeeded", JSON.stringify(result.ok ? result.value.error : result.error));
    assert.ok(saved.length >= 2, "tokens were refreshed during the run and reported each time");
    assert.ok(saved.every(([name]) => name === "hub"));
    assert.equal(hubspotFor(connection).stats().failures, 0);
  } finally {
    await store.close();
  }
});
