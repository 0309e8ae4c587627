import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { runId, syncId } from "../../core/ids.ts";
import { openStore } from "../../store/index.ts";
import { manualClock } from "../../store/test-support/manual-clock.ts";
import { exitCodes } from "../exit-code.ts";
import { cliKit, mirrorConfig } from "../test-support/cli-test-kit.ts";
import { runLogs } from "./logs.ts";
import { runRuns } from "./runs.ts";

// The engine's runs are covered end to end in test/cli; here the store is filled by hand, so
// these tests pin the commands' own behaviour: ordering, prefixes, levels, output shapes.
const kit = await cliKit();
after(() => kit.cleanup());
const config = await kit.writeConfig(mirrorConfig("contacts:", "sqlite:./runs.db"));

const clock = manualClock(Date.parse("2025-03-01T10:00:00.000Z"));
const store = await openStore({ kind: "sqlite", path: join(kit.dir, "runs.db") }, { clock, newId: (() => {
  let n = 0;
  return () => `${["aaaa1111", "aaaa2222", "bbbb3333"][n++] ?? "zzzz"}-0000-4000-8000-000000000000`;
})() });
const first = await store.createRun({ sync: syncId("crm") });
clock.advance(2_500);
await store.appendAudit([
  { runId: first.id, level: "info", stream: "contacts", action: "stream_finished", message: "contacts: 3 written" },
  { runId: first.id, level: "warn", stream: "contacts", recordId: "101", action: "coercion_failed", message: "amount is not a number", details: { value: "abc" } },
]);
await store.transitionRun(first.id, "succeeded", { counts: { "contacts.fetched": 3, "contacts.written": 3, "deals.written": 2 }, apiCalls: 7 });
clock.advance(60_000);
const second = await store.createRun({ sync: syncId("crm") });
await store.transitionRun(second.id, "failed", { errorMessage: "HubSpot could not be reached", errors: [{ message: "timeout", stream: "deals" }] });
clock.advance(1_000);
await store.createRun({ sync: syncId("other") });
await store.close();

test("runs lists a sync's runs newest first, with duration, summed counts and API calls", async () => {
  const { deps, stdout } = kit.deps();
  assert.equal(await runRuns(deps, { config, name: "crm" }), exitCodes.ok);
  const lines = stdout.text().split("\n");
  assert.match(lines[0] ?? "", /^run\s+sync\s+status\s+started \(UTC\)\s+took\s+counts\s+API calls\s+errors$/);
  assert.match(lines[2] ?? "", /^aaaa2222\s+crm\s+failed\s+2025-03-01 10:01:02\s+0 ms\s+—\s+0\s+1$/);
  assert.match(lines[3] ?? "", /^aaaa1111\s+crm\s+succeeded\s+2025-03-01 10:00:00\s+2\.5 s\s+fetched 3, written 5\s+7\s+0$/);
  assert.doesNotMatch(stdout.text(), /bbbb3333/);
});

test("runs --json gives full ids and every counter; --limit caps it", async () => {
  const { deps, stdout } = kit.deps();
  assert.equal(await runRuns(deps, { config, limit: 2, json: true }), exitCodes.ok);
  const runs = JSON.parse(stdout.text()) as { id: string; sync: string; counts: Record<string, number> }[];
  assert.deepEqual(runs.map((r) => r.id.slice(0, 8)), ["bbbb3333", "aaaa2222"]);
});

test("logs shows a run's audit entries; a unique prefix of the id is enough; --level filters", async () => {
  const all = kit.deps();
  assert.equal(await runLogs(all.deps, { config, run: "aaaa1" }), exitCodes.ok);
  assert.match(all.stdout.text(), /^run aaaa1111-0000-4000-8000-000000000000 of crm: succeeded in 2\.5 s, started 2025-03-01 10:00:00 UTC\n/);
  assert.match(all.stdout.text(), /INFO {3}contacts {2}stream_finished {2}contacts: 3 written\n/);
  assert.match(all.stdout.text(), /WARN {3}contacts #101 {2}coercion_failed {2}amount is not a number {2}\{"value":"abc"\}\n/);

  const warn = kit.deps();
  assert.equal(await runLogs(warn.deps, { config, run: first.id, level: "warn", json: true }), exitCodes.ok);
  const entries = warn.stdout.text().trim().split("\n").map((line) => JSON.parse(line) as { action: string; runId: string });
  assert.deepEqual(entries.map((e) => e.action), ["coercion_failed"]);
  assert.equal(entries[0]?.runId, runId(first.id));
});

test("logs of an unknown or ambiguous run id: RUN_NOT_FOUND, with how to find ids", async () => {
  const unknown = kit.deps();
  assert.equal(await runLogs(unknown.deps, { config, run: "cccc" }), exitCodes.usage);
  assert.match(unknown.stderr.text(), /error: No such run \(RUN_NOT_FOUND\)\n {2}no run with id "cccc"\nfix: `hubsync runs` lists recent runs/);

  const ambiguous = kit.deps();
  assert.equal(await runLogs(ambiguous.deps, { config, run: "aaaa" }), exitCodes.usage);
  assert.match(ambiguous.stderr.text(), /"aaaa" starts 2 run ids/);
  assert.match(ambiguous.stderr.text(), /fix: Give more characters of the id\./);
  void second;
});
