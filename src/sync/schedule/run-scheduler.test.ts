import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig, type HubsyncConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { syncId } from "../../core/ids.ts";
import { silentLogger } from "../../core/logger.ts";
import { openStore, type Store } from "../../store/index.ts";
import { runScheduler, type SyncDirection } from "./run-scheduler.ts";

/** A clock whose sleep moves time on at once (and honours the signal), so a loop runs through simulated hours. */
interface SteppingClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

function steppingClock(start: number): SteppingClock {
  let now = start;
  return {
    now: () => now,
    sleep: (ms, signal) => {
      if (signal?.aborted === true) return Promise.reject(signal.reason);
      now += ms;
      return Promise.resolve();
    },
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

const minute = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function config(inbound: Record<string, string>): HubsyncConfig {
  const syncs = Object.entries(inbound)
    .map(([name, schedule]) => `  ${name}:\n    connection: hubspot\n    schedule: "${schedule}"\n    streams:\n      contacts:\n`)
    .join("");
  const text = `version: 1\nstore: "sqlite::memory:"\nconnections:\n  hubspot:\n    auth: { type: private_app, token: pat-test }\ninbound:\n${syncs}`;
  const parsed = parseConfig(text, {});
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

async function withStore(clock: Clock, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: ":memory:" }, { clock });
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

interface Call {
  direction: SyncDirection;
  name: string;
  at: string;
}

test("an hourly sync runs once per simulated hour; a manual one never runs; abort stops after the current run", async () => {
  const clock = steppingClock(Date.parse("2024-03-01T12:30:00.000Z"));
  await withStore(clock, async (store) => {
    const controller = new AbortController();
    const calls: Call[] = [];
    await runScheduler({
      config: config({ crm: "hourly", adhoc: "manual" }),
      deps: { store, logger: silentLogger },
      clock,
      signal: controller.signal,
      runSync: (direction, name) => {
        calls.push({ direction, name, at: iso(clock.now()) });
        clock.advance(5 * minute); // the run takes a while; the next one still starts on the hour
        if (calls.length === 3) controller.abort();
        return Promise.resolve();
      },
    });
    assert.deepEqual(calls, [
      { direction: "inbound", name: "crm", at: "2024-03-01T13:00:00.000Z" },
      { direction: "inbound", name: "crm", at: "2024-03-01T14:00:00.000Z" },
      { direction: "inbound", name: "crm", at: "2024-03-01T15:00:00.000Z" },
    ]);
  });
});

test("a failing run is logged and the loop carries on; an already-running sync is skipped until its next time", async () => {
  const clock = steppingClock(Date.parse("2024-03-01T12:30:00.000Z"));
  await withStore(clock, async (store) => {
    const controller = new AbortController();
    const calls: string[] = [];
    await runScheduler({
      config: config({ broken: "hourly", busy: "hourly", fine: "hourly" }),
      deps: { store, logger: silentLogger },
      clock,
      signal: controller.signal,
      runSync: async (_direction, name) => {
        calls.push(`${name}@${iso(clock.now()).slice(11, 16)}`);
        if (calls.length === 6) controller.abort();
        await Promise.resolve();
        if (name === "broken") throw new Error("boom");
        if (name === "busy") throw new HubsyncError("SYNC_ALREADY_RUNNING", "Sync busy is already running.");
      },
    });
    assert.deepEqual(calls, ["broken@13:00", "busy@13:00", "fine@13:00", "broken@14:00", "busy@14:00", "fine@14:00"]);
  });
});

test("the next time counts from the sync's last finished run in the store: a missed time is caught up once", async () => {
  const clock = steppingClock(Date.parse("2024-03-01T12:10:00.000Z"));
  await withStore(clock, async (store) => {
    const finish = async (): Promise<void> => {
      const run = await store.createRun({ sync: syncId("crm") });
      const done = await store.transitionRun(run.id, "succeeded");
      assert.ok(done.ok);
    };
    await finish(); // finished at 12:10; the 13:00 run was missed while nothing was running
    clock.set(Date.parse("2024-03-01T14:30:00.000Z"));
    const controller = new AbortController();
    const calls: string[] = [];
    await runScheduler({
      config: config({ crm: "hourly", nightly: "daily" }),
      deps: { store, logger: silentLogger },
      clock,
      signal: controller.signal,
      runSync: async (_direction, name) => {
        calls.push(`${name}@${iso(clock.now())}`);
        await finish(); // as the engines do: the run is recorded
        if (calls.length === 3) controller.abort();
      },
    });
    // nightly never ran: it waits for its first time after the scheduler started, not now.
    assert.deepEqual(calls, ["crm@2024-03-01T14:30:00.000Z", "crm@2024-03-01T15:00:00.000Z", "crm@2024-03-01T16:00:00.000Z"]);
  });
});

test("aborting while waiting stops the loop at once, without running anything", async () => {
  const start = Date.parse("2024-03-01T12:30:00.000Z");
  const sleeps: number[] = [];
  let sleeping: () => void = () => undefined;
  const asleep = new Promise<void>((resolve) => {
    sleeping = resolve;
  });
  // Sleeps until aborted, like the system clock with a long wait.
  const clock: Clock = {
    now: () => start,
    sleep: (ms, signal) =>
      new Promise((_resolve, reject) => {
        sleeps.push(ms);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        sleeping();
      }),
  };
  await withStore(clock, async (store) => {
    const controller = new AbortController();
    let runs = 0;
    const done = runScheduler({
      config: config({ crm: "hourly" }),
      deps: { store, logger: silentLogger },
      clock,
      signal: controller.signal,
      runSync: () => {
        runs += 1;
        return Promise.resolve();
      },
    });
    await asleep;
    controller.abort(new HubsyncError("SYNC_ABORTED", "stopped"));
    await done;
    assert.equal(runs, 0);
    assert.deepEqual(sleeps, [30 * minute]);
  });
});
