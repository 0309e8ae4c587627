import assert from "node:assert/strict";
import { test } from "node:test";
import { associate, createRecords } from "./support/emulator-data.ts";
import { inboundHarness, streamOf } from "./support/inbound-harness.ts";
import { assertMirrorsEmulator } from "./support/mirror-compare.ts";
import { drivers } from "./support/test-store.ts";

// Pitfall 8: the OAuth access token expires mid-sync and the sync dies; a 429 from the token
// endpoint kills the run. Tokens live 5 s here and every CRM call takes 1.5 s of emulator
// time, so a sync of 60+ s needs a dozen refreshes — one of which is answered 429.

const SCOPES = [
  "oauth",
  "crm.objects.contacts.read",
  "crm.objects.companies.read",
  "crm.schemas.contacts.read",
  "crm.schemas.companies.read",
  "crm.objects.owners.read",
];
const CALL_MS = 1_500;

for (const driver of drivers) {
  test(`pitfall 8: a 60+ s sync with 5 s OAuth tokens (and a 429 from the token endpoint) completes with no failed request surfaced [${driver}]`, async (t) => {
    const h = await inboundHarness(t, {
      driver,
      streams: "contacts: { strategy: full_refresh, associations: [companies] }\ncompanies: { strategy: incremental }",
      emulator: { accessTokenTtlSeconds: 5, oauthAutoApprove: true },
      oauthScopes: SCOPES,
      clientLimits: { listPageSize: 20, searchPageSize: 20 },
      // Each CRM call takes 1.5 s of emulator time.
      wrapFetch: (fetch, emulator) => async (input, init) => {
        const response = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (new URL(url).pathname.startsWith("/crm/")) emulator.control.clock.advance(CALL_MS);
        return response;
      },
    });
    const { portal, emulator } = h;
    const before = h.clock.now() - 600_000;
    const companies = createRecords(portal, "companies", 60, (i) => ({ name: `Co ${i}` }), { at: (i) => before + i });
    const contacts = createRecords(portal, "contacts", 800, (i) => ({ email: `o${i}@example.com` }), { at: (i) => before + i });
    contacts.forEach((id, i) => {
      if (i % 4 === 0) associate(portal, "contacts", id, "companies", companies[i % 60]!);
    });
    // The third refresh is refused for the rate limit, once.
    emulator.control.faults.add({ kind: "429", match: { method: "POST", path: "/oauth/v1/token" }, schedule: { after: 2, count: 1 } });
    emulator.control.stats.reset();

    const startedAt = h.clock.now();
    const summary = await h.run();
    const elapsed = h.clock.now() - startedAt;

    assert.ok(elapsed >= 60_000, `the sync spanned ${elapsed} ms of emulator time (at least 60 s)`);
    assert.ok(summary.streams.every((s) => s.errors === 0 && s.warnings === 0));
    assert.equal(streamOf(summary, "contacts").written, 800);
    assert.equal(emulator.control.faults.list()[0]?.injected, 1, "scene: the token endpoint answered 429 once");
    const tokenCalls = h.requests.entries.filter((r) => r.method === "POST" && r.path === "/oauth/v1/token");
    t.diagnostic(`${elapsed} ms of emulator time, ${tokenCalls.length} token calls, ${h.requests.entries.length} requests`);
    assert.ok(tokenCalls.length >= Math.floor(elapsed / 5_000), `${tokenCalls.length} token calls for ${elapsed} ms of 5 s tokens`);
    const crm = h.requests.entries.filter((r) => r.path.startsWith("/crm/"));
    assert.deepEqual(crm.filter((r) => r.status === "error" || r.status >= 400).map((r) => `${r.method} ${r.path} → ${r.status}`), [], "no CRM call failed: tokens were refreshed before they expired");
    assert.equal(emulator.control.stats.snapshot().byStatus["401"], undefined, "never a 401");

    await assertMirrorsEmulator(h.store, h.portalId, portal, "contacts");
    await assertMirrorsEmulator(h.store, h.portalId, portal, "companies");
  });
}
