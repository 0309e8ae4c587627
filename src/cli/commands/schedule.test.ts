import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { portalId, syncId } from "../../core/ids.ts";
import { seedPortal } from "../../emulator/seed/seed-portal.ts";
import { openStore } from "../../store/index.ts";
import { manualClock } from "../../store/test-support/manual-clock.ts";
import { exitCodes } from "../exit-code.ts";
import { cliKit, mirrorConfig } from "../test-support/cli-test-kit.ts";
import { runSchedule } from "./schedule.ts";

const kit = await cliKit();
after(() => kit.cleanup());
seedPortal(kit.emulator.parts.state.defaultPortal, { counts: { contacts: 3 }, seed: 7 });

test("schedule runs an hourly sync through the engine once per hour until Ctrl+C, then exits 130", async () => {
  const config = await kit.writeConfig(mirrorConfig("contacts:", "sqlite:./scheduled.db").replace("schedule: manual", "schedule: hourly"), "scheduled.yaml");
  const { deps, stdout, stderr, interrupt } = kit.deps();
  let summaries = 0;
  const write = deps.stdout.write;
  // Ctrl+C as the second run's summary is printed: the scheduler stops before a third.
  deps.stdout.write = (text) => {
    write(text);
    summaries += 1;
    if (summaries === 2) interrupt();
  };
  assert.equal(await runSchedule(deps, { config }), exitCodes.interrupted);
  assert.match(stderr.text(), /Scheduling crm \(hourly\)\. Times are UTC/);
  assert.match(stderr.text(), /next: crm at \d{4}-\d\d-\d\d \d\d:00 UTC/);
  assert.match(stdout.text(), /contacts/);

  const store = await openStore({ kind: "sqlite", path: join(kit.dir, "scheduled.db") }, { clock: manualClock() });
  try {
    const runs = await store.listRuns({ sync: syncId("crm") });
    assert.deepEqual(runs.map((r) => r.status), ["succeeded", "succeeded"]);
    const starts = runs.map((r) => Date.parse(r.startedAt)).reverse();
    assert.equal(new Date(starts[0] ?? 0).getUTCMinutes(), 0, "runs start on the hour");
    assert.equal((starts[1] ?? 0) - (starts[0] ?? 0), 60 * 60 * 1000, "one run per hour");
    const written = await store.countRows(portalId(kit.emulator.parts.state.defaultPortal.id), "contacts");
    assert.equal(written, 3);
  } finally {
    await store.close();
  }
});

test("schedule with only manual syncs says so and exits 0", async () => {
  const config = await kit.writeConfig(mirrorConfig("contacts:", "sqlite:./manual.db"), "manual.yaml");
  const { deps, stderr } = kit.deps();
  assert.equal(await runSchedule(deps, { config }), exitCodes.ok);
  assert.match(stderr.text(), /Nothing to schedule: every sync is manual/);
});
