import assert from "node:assert/strict";
import { test } from "node:test";
import { createRecords } from "../inbound/support/emulator-data.ts";
import { associatedIds, contactsHolding, liveCount } from "./support/hubspot-truth.ts";
import { drivers, outboundHarness } from "./support/outbound-harness.ts";
import { peopleRows } from "./support/scene.ts";

// Pitfall 8 for writes: the OAuth access token expires mid-sync and a refresh is refused with
// a 429. Tokens live 5 s and every CRM call takes 1.5 s of emulator time, so pushing 400
// contacts in batches of 10 (with their companies) spans more than a minute and a dozen
// refreshes — one answered 429. No request may fail for want of a token.

const CALL_MS = 1_500;
const ROWS = 400;

for (const driver of drivers) {
  test(`pitfall 8: a 60+ s outbound run with 5 s OAuth tokens (and a 429 from the token endpoint) surfaces no failed request [${driver}]`, async (t) => {
    const h = await outboundHarness(t, {
      driver,
      oauth: true,
      emulator: { accessTokenTtlSeconds: 5, oauthAutoApprove: true },
      clientLimits: { batchSize: 10, associationWriteBatchSize: 50 },
      wrapFetch: (fetch, emulator) => async (input, init) => {
        const response = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (new URL(url).pathname.startsWith("/crm/")) emulator.control.clock.advance(CALL_MS);
        return response;
      },
      syncs: {
        people: {
          source: { table: "people" },
          key: "id",
          object: "contacts",
          mode: "upsert",
          match: { property: "email", column: "email" },
          fields: { email: "email", firstname: "first_name", lastname: "last_name" },
          associations: [{ to: "companies", column: "company_id" }],
        },
      },
    });
    const { portal, emulator } = h;
    const companies = createRecords(portal, "companies", 8, (i) => ({ name: `Co ${i}` }));
    const rows = peopleRows(ROWS).map((row, i) => ({ ...row, company_id: companies[i % companies.length]! }));
    await h.db.createTable("people", { id: "text primary key", email: "text", first_name: "text", last_name: "text", company_id: "text" }, rows);
    emulator.control.faults.add({ kind: "429", match: { method: "POST", path: "/oauth/v1/token" }, schedule: { after: 2, count: 1 } });
    emulator.control.stats.reset();

    const startedAt = h.clock.now();
    const summary = await h.run("people");
    const elapsed = h.clock.now() - startedAt;

    assert.ok(elapsed >= 60_000, `the run spanned ${elapsed} ms of emulator time (at least 60 s)`);
    assert.equal(summary.created, ROWS);
    assert.equal(summary.failed, 0);
    assert.equal(summary.associationsCreated, ROWS);
    assert.equal(emulator.control.faults.list()[0]?.injected, 1, "scene: the token endpoint answered 429 once");
    const tokenCalls = h.requests.entries.filter((r) => r.method === "POST" && r.path === "/oauth/v1/token");
    t.diagnostic(`${elapsed} ms of emulator time, ${tokenCalls.length} token calls, ${h.requests.entries.length} requests`);
    assert.ok(tokenCalls.length >= Math.floor(elapsed / 5_000), `${tokenCalls.length} token calls for ${elapsed} ms of 5 s tokens`);
    const crm = h.requests.entries.filter((r) => r.path.startsWith("/crm/"));
    assert.deepEqual(crm.filter((r) => r.status === "error" || r.status >= 400).map((r) => `${r.method} ${r.path} → ${r.status}`), [], "no CRM call failed");
    assert.equal(emulator.control.stats.snapshot().byStatus["401"], undefined, "never a 401");

    assert.equal(liveCount(portal, "contacts"), ROWS);
    rows.forEach((row) => {
      const [id] = contactsHolding(portal, row.email);
      assert.ok(id !== undefined, `${row.email} landed`);
      assert.deepEqual(associatedIds(portal, "contacts", id, "companies"), [row.company_id]);
    });
  });
}
