import assert from "node:assert/strict";
import { after, test } from "node:test";
import { runCheck } from "../../src/cli/commands/check.ts";
import { runSyncRun } from "../../src/cli/commands/sync-run.ts";
import { exitCodes } from "../../src/cli/exit-code.ts";
import { cliKit } from "../../src/cli/test-support/cli-test-kit.ts";
import { installOAuthApp } from "../../src/hubspot/test-support/oauth-install.ts";

// With refresh-token rotation, the refresh token in hubsync.yaml dies at the first refresh:
// only a process that starts from the saved newest tokens can run a second time.
const kit = await cliKit({ oauthAutoApprove: true, accessTokenTtlSeconds: 60 });
after(() => kit.cleanup());
kit.emulator.parts.state.oauth.rotateRefreshTokens = true;
kit.emulator.control.seed({ counts: { owners: 1, companies: 3, contacts: 12, deals: 0, tickets: 0, products: 0, engagements: 0, gifts: 0 } });
const installed = await installOAuthApp(kit.emulator, ["crm.objects.contacts.read", "crm.schemas.contacts.read"]);
const info = kit.emulator.info();
const config = await kit.writeConfig(`version: 1
store: "sqlite:./oauth.db"
connections:
  acme:
    baseUrl: \${HUBSPOT_BASE_URL}
    auth:
      type: oauth
      clientId: ${info.clientId}
      clientSecret: ${info.clientSecret}
      refreshToken: ${installed.refreshToken}
inbound:
  crm:
    connection: acme
    schedule: manual
    streams:
      contacts:
`);

test("a rotated refresh token is saved, so the next command (a new process) still authenticates", async () => {
  // check refreshes first (the configured refresh token rotates away here)…
  const check = kit.deps();
  assert.equal(await runCheck(check.deps, { config }), exitCodes.ok, check.stderr.text() + check.stdout.text());
  kit.emulator.control.clock.advance(120_000);
  // …so the run can only authenticate from what check saved.
  const first = kit.deps();
  assert.equal(await runSyncRun(first.deps, { config, name: "crm" }), exitCodes.ok, first.stderr.text() + first.stdout.text());
  // Past the access token's lifetime: the next run must refresh, and the configured refresh token is dead.
  kit.emulator.control.clock.advance(120_000);
  const second = kit.deps();
  assert.equal(await runSyncRun(second.deps, { config, name: "crm" }), exitCodes.ok, second.stderr.text() + second.stdout.text());
  assert.match(second.stdout.text(), /crm: run \S+ succeeded/);
});
