import assert from "node:assert/strict";
import { after, test } from "node:test";
import { runLogs } from "../../src/cli/commands/logs.ts";
import { runRuns } from "../../src/cli/commands/runs.ts";
import { runStatus } from "../../src/cli/commands/status.ts";
import { runSyncRun } from "../../src/cli/commands/sync-run.ts";
import { exitCodes } from "../../src/cli/exit-code.ts";
import { cliKit, mirrorConfig } from "../../src/cli/test-support/cli-test-kit.ts";

// The inbound commands in-process against the emulator: real engine, real SQLite, the
// emulator's fetch and clock injected as the CLI's deps.
const kit = await cliKit();
after(() => kit.cleanup());
kit.emulator.control.seed({ counts: { owners: 2, companies: 6, contacts: 30, deals: 8, tickets: 3, products: 0, engagements: 0, gifts: 0 } });
const streams = "contacts:\n  associations: [companies]\n  history: [lifecyclestage]\ncompanies:\ndeals:\nowners:\npipelines:";
const config = await kit.writeConfig(mirrorConfig(streams));

test("sync run mirrors the portal and prints a summary; status then shows HubSpot and local counts in step", async () => {
  const run = kit.deps();
  const code = await runSyncRun(run.deps, { config, name: "crm" });
  assert.equal(code, exitCodes.ok, run.stderr.text() + run.stdout.text());
  assert.match(run.stdout.text(), /^crm: run \S+ succeeded in .* HubSpot API calls/);
  assert.match(run.stdout.text(), /\ncontacts\s+incremental: backfill\s+30\s+30\s/);
  assert.match(run.stderr.text(), /crm\/contacts: done — 30 read, 30 written/, "progress lines on a non-TTY stderr");

  const status = kit.deps();
  assert.equal(await runStatus(status.deps, { config, name: "crm", json: true }), exitCodes.ok, status.stderr.text());
  const report = JSON.parse(status.stdout.text()) as { sync: string; streams: { stream: string; hubspotTotal?: number; localRows: number; lastRun?: { status: string } }[] };
  const byName = new Map(report.streams.map((s) => [s.stream, s]));
  for (const [stream, count] of [["contacts", 30], ["companies", 6], ["deals", 8]] as const) {
    assert.equal(byName.get(stream)?.localRows, count, stream);
    assert.equal(byName.get(stream)?.hubspotTotal, count, stream);
    assert.equal(byName.get(stream)?.lastRun?.status, "succeeded", stream);
  }

  const table = kit.deps();
  assert.equal(await runStatus(table.deps, { config }), exitCodes.ok);
  assert.match(table.stdout.text(), /^sync crm\nstream\s+strategy\s+HubSpot\s+local\s+in step/);
  assert.match(table.stdout.text(), /\ncontacts\s+incremental\s+30\s+30\s+yes\s+0\s+succeeded /);
});

test("runs and logs show the run that sync run made", async () => {
  const runs = kit.deps();
  assert.equal(await runRuns(runs.deps, { config, json: true }), exitCodes.ok);
  const [latest] = JSON.parse(runs.stdout.text()) as { id: string; sync: string; status: string; apiCalls: number }[];
  assert.ok(latest !== undefined);
  assert.equal(latest.sync, "crm");
  assert.equal(latest.status, "succeeded");
  assert.ok(latest.apiCalls > 0);

  const human = kit.deps();
  assert.equal(await runRuns(human.deps, { config, name: "crm" }), exitCodes.ok);
  assert.match(human.stdout.text(), new RegExp(`\\n${latest.id.slice(0, 8)}\\s+crm\\s+succeeded\\s`));

  const logs = kit.deps();
  assert.equal(await runLogs(logs.deps, { config, run: latest.id.slice(0, 8) }), exitCodes.ok, logs.stderr.text());
  assert.match(logs.stdout.text(), new RegExp(`^run ${latest.id} of crm: succeeded`));
  assert.match(logs.stdout.text(), /contacts/);
});

test("sync run --json prints the run summary as one JSON line and no progress", async () => {
  const { deps, stdout, stderr } = kit.deps();
  assert.equal(await runSyncRun(deps, { config, name: "crm", json: true, streams: ["contacts"] }), exitCodes.ok);
  const summary = JSON.parse(stdout.text()) as { sync: string; status: string; streams: { stream: string; written: number }[] };
  assert.equal(summary.status, "succeeded");
  assert.deepEqual(summary.streams.map((s) => s.stream), ["contacts"]);
  assert.equal(stderr.text(), "");
});

test("sync run fails with words and the exit code of each failure", async () => {
  const unknown = kit.deps();
  assert.equal(await runSyncRun(unknown.deps, { config, name: "nope" }), exitCodes.usage);
  assert.match(unknown.stderr.text(), /error: No such sync \(SYNC_NOT_FOUND\)\n.*has no sync named "nope"\nfix: Configured syncs: crm\./);

  const badStream = kit.deps();
  assert.equal(await runSyncRun(badStream.deps, { config, name: "crm", streams: ["contatcs"] }), exitCodes.usage);
  assert.match(badStream.stderr.text(), /no stream named "contatcs"/);

  const invalid = await kit.writeConfig(mirrorConfig("contacts:\n  pageSize: 500"), "invalid.yaml");
  const badConfig = kit.deps();
  assert.equal(await runSyncRun(badConfig.deps, { config: invalid, name: "crm" }), exitCodes.config);
  assert.match(badConfig.stderr.text(), /inbound\.crm\.streams\.contacts\.pageSize/);

  const unauthorized = kit.deps({ HUBSPOT_TOKEN: "pat-na1-unknown" });
  assert.equal(await runSyncRun(unauthorized.deps, { config, name: "crm" }), exitCodes.noPermission, unauthorized.stderr.text() + unauthorized.stdout.text());

  const { token } = kit.emulator.control.issueToken({ scopes: ["crm.objects.contacts.read", "crm.schemas.contacts.read"] });
  const scoped = kit.deps({ HUBSPOT_TOKEN: token });
  assert.equal(await runSyncRun(scoped.deps, { config, name: "crm", streams: ["deals"] }), exitCodes.noPermission, scoped.stderr.text() + scoped.stdout.text());
  assert.match(scoped.stdout.text() + scoped.stderr.text(), /lacks the scope crm\.(objects|schemas)\.deals\.read/);

  const offline = kit.deps();
  const down = { ...offline.deps, fetch: () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) })) };
  assert.equal(await runSyncRun(down, { config, name: "crm", streams: ["owners"] }), exitCodes.unavailable, offline.stderr.text() + offline.stdout.text());

  const store = await kit.writeConfig(mirrorConfig("contacts:", "sqlite:/nonexistent-dir/for/sure/x.db"), "store.yaml");
  const badStore = kit.deps();
  assert.equal(await runSyncRun(badStore.deps, { config: store, name: "crm" }), exitCodes.ioError);
  assert.match(badStore.stderr.text(), /STORE_FAILED/);
});

test("Ctrl+C stops the run cleanly (exit 130, run cancelled) and the next run resumes to the same result", async () => {
  const path = await kit.writeConfig(mirrorConfig("contacts:\n  pageSize: 5", "sqlite:./abort.db"), "abort.yaml");
  const first = kit.deps();
  let pressed = false;
  const stderr = {
    ...first.deps.stderr,
    write: (text: string) => {
      first.deps.stderr.write(text);
      if (!pressed && text.includes("records read")) {
        pressed = true;
        first.interrupt();
      }
    },
  };
  const code = await runSyncRun({ ...first.deps, stderr }, { config: path, name: "crm" });
  assert.equal(code, exitCodes.interrupted, first.stdout.text() + first.stderr.text());
  assert.match(first.stderr.text(), /Stopping after the current page/);

  const runs = kit.deps();
  await runRuns(runs.deps, { config: path, json: true });
  assert.equal((JSON.parse(runs.stdout.text()) as { status: string }[])[0]?.status, "cancelled");

  const again = kit.deps();
  assert.equal(await runSyncRun(again.deps, { config: path, name: "crm" }), exitCodes.ok, again.stderr.text());
  const status = kit.deps();
  await runStatus(status.deps, { config: path, name: "crm", json: true });
  const contacts = (JSON.parse(status.stdout.text()) as { streams: { stream: string; localRows: number; hubspotTotal?: number }[] }).streams.find((s) => s.stream === "contacts");
  assert.equal(contacts?.localRows, 30);
  assert.equal(contacts?.hubspotTotal, 30);
});
