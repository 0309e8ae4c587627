/**
 * The outbound push (issue 4) against the emulator: a 20,000-row upsert of contacts by email
 * from a SQLite table, one association per row (contact → company by domain), counted against
 * the floor; the same sync again with nothing changed and with 1 % of the rows changed;
 * unthrottled rows/s; wall time under HubSpot's Professional rate limit; and the same push
 * written with the official SDK the usual way (one upsert and one association call per row).
 *
 * Sizes: `BENCH_OUTBOUND_ROWS` (calls, rows/s, no-change and 1 % runs; default 20,000),
 * `BENCH_OUTBOUND_THROTTLED_ROWS` (the rate-limited run, real time; default 20,000),
 * `BENCH_OUTBOUND_SDK_ROWS` (the side by side over HTTP; default 5,000).
 */
import { cpus, loadavg } from "node:os";
import { createEmulator, type Emulator } from "../src/emulator/index.ts";
import { startEmulatorServer } from "../src/emulator/server.ts";
import { round, type BenchResult } from "./bench-result.ts";
import { apiCalls } from "./support/api-calls.ts";
import { openBenchStore, type BenchStore } from "./support/bench-store.ts";
import { unpacedLimits, withoutRateLimitHeaders } from "./support/inbound-mirror.ts";
import { intEnv } from "./support/int-env.ts";
import { changeSourceRows, loadCompanies, pushCalls, pushConfig, runPush, writeCalls, writeSourceTable, type PushCalls } from "./support/outbound-push.ts";
import { sdkPush } from "./support/outbound-sdk-push.ts";

const BENCH = "outbound";
/** HubSpot's Professional private-app burst: 190 calls in any rolling 10 s. */
const BURST = 190;
const WINDOW_S = 10;
/** 1 % of the rows change between the runs. */
const CHANGE_EVERY = 100;

/** The floor of the push: every record write full (100 a call), every association write full (2,000 a call). */
const floorOf = (rows: number, associationsPerRow: number): number => Math.ceil(rows / 100) + Math.ceil((rows * associationsPerRow) / 2000);

const detail = (calls: PushCalls): Record<string, unknown> => ({
  recordWrites: calls.recordWrites,
  associationWrites: calls.associationWrites,
  lookups: calls.lookups,
  metadata: calls.metadata,
  rateLimited: calls.rateLimited,
});

function loadedEmulator(rows: number, rateLimits: boolean): { emulator: Emulator; companies: number } {
  const emulator = createEmulator({ rateLimits, baseUrl: "http://bench.emulator" });
  return { emulator, companies: loadCompanies(emulator, rows) };
}

async function sourceStore(rows: number): Promise<BenchStore & { path: string }> {
  const target = await openBenchStore("sqlite");
  if (target.path === undefined) throw new Error("the bench store has no file");
  writeSourceTable(target.path, rows);
  return { ...target, path: target.path };
}

export default async function* outboundBench(): AsyncGenerator<BenchResult> {
  const n = intEnv("BENCH_OUTBOUND_ROWS", 20_000);
  const throttledN = intEnv("BENCH_OUTBOUND_THROTTLED_ROWS", 20_000);
  const sdkN = intEnv("BENCH_OUTBOUND_SDK_ROWS", 5_000);

  yield { bench: BENCH, metric: "machine.load_average_1m", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length, node: process.version };

  const { emulator, companies } = loadedEmulator(n, false);
  const info = emulator.info();
  const config = pushConfig({ baseUrl: info.baseUrl, token: info.token });
  const fetch = withoutRateLimitHeaders(emulator.fetch);
  const target = await sourceStore(n);
  try {
    // (a) the first push: every row created, every association written; and (d) its speed.
    emulator.control.stats.reset();
    const first = await runPush({ store: target.store, fetch, config, limits: unpacedLimits });
    const calls = pushCalls(apiCalls(emulator));
    const s = first.summary;
    if (s.created !== n || s.associationsCreated !== n) throw new Error(`first push created ${s.created} contacts and ${s.associationsCreated} associations, expected ${n} of each`);
    const floor = floorOf(n, 1);
    const writes = writeCalls(calls);
    yield { bench: BENCH, metric: "first_push.write_calls", value: writes, unit: "calls", rows: n, companies, ...detail(calls) };
    yield { bench: BENCH, metric: "first_push.write_calls_floor", value: floor, unit: "calls", rows: n, formula: "ceil(N/100) + ceil(N/2000)" };
    yield { bench: BENCH, metric: "first_push.write_calls_vs_floor", value: round(writes / floor, 4), unit: "ratio", target: "<= 1.02", met: writes / floor <= 1.02 };
    yield { bench: BENCH, metric: "first_push.lookup_calls", value: calls.lookups, unit: "calls", note: "domain resolution and other reads, counted apart", writesPlusLookupsVsFloor: round((writes + calls.lookups) / floor, 4), withinFloorAt102: writes + calls.lookups <= 1.02 * floor };
    yield { bench: BENCH, metric: "first_push.metadata_calls", value: calls.metadata, unit: "calls" };
    yield { bench: BENCH, metric: "first_push.all_calls", value: calls.total, unit: "calls", clientCounted: s.apiCalls, clientWriteCalls: s.writeCalls, byRoute: calls.byRoute };
    yield { bench: BENCH, metric: "first_push.sqlite.rows_per_second", value: Math.round(n / (first.ms / 1000)), unit: "rows/s", rows: n, seconds: round(first.ms / 1000, 2), transport: "in-process fetch, rate limits off, headers stripped" };

    // (b) the same sync again, nothing changed.
    emulator.control.stats.reset();
    const again = await runPush({ store: target.store, fetch, config, limits: unpacedLimits });
    const noop = pushCalls(apiCalls(emulator));
    yield { bench: BENCH, metric: "noop_push.write_calls", value: writeCalls(noop), unit: "calls", target: 0, met: writeCalls(noop) === 0, unchanged: again.summary.unchanged, rows: n };
    yield { bench: BENCH, metric: "noop_push.all_calls", value: noop.total, unit: "calls", seconds: round(again.ms / 1000, 2), ...detail(noop), byRoute: noop.byRoute };

    // (c) 1 % of the rows changed (first name only).
    const changed = changeSourceRows(target.path, CHANGE_EVERY);
    emulator.control.stats.reset();
    const delta = await runPush({ store: target.store, fetch, config, limits: unpacedLimits });
    const deltaCalls = pushCalls(apiCalls(emulator));
    if (delta.summary.updated !== changed) throw new Error(`the 1 % push updated ${delta.summary.updated} rows, expected ${changed}`);
    const budget = Math.ceil(changed / 100) + deltaCalls.lookups;
    const dataCalls = writeCalls(deltaCalls) + deltaCalls.lookups;
    yield { bench: BENCH, metric: "one_percent_push.write_calls", value: writeCalls(deltaCalls), unit: "calls", changed, floor: Math.ceil(changed / 100), ...detail(deltaCalls) };
    yield { bench: BENCH, metric: "one_percent_push.data_calls", value: dataCalls, unit: "calls", target: `<= ceil(${changed}/100) + lookups = ${budget}`, met: dataCalls <= budget, updated: delta.summary.updated, unchanged: delta.summary.unchanged };
    yield { bench: BENCH, metric: "one_percent_push.all_calls", value: deltaCalls.total, unit: "calls", seconds: round(delta.ms / 1000, 2), byRoute: deltaCalls.byRoute };
  } finally {
    await target.dispose();
  }

  yield* sideBySide(sdkN);
  yield* throttled(throttledN);

  yield { bench: BENCH, metric: "machine.load_average_1m_at_end", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length };
}

async function* throttled(rows: number): AsyncGenerator<BenchResult> {
  const { emulator } = loadedEmulator(rows, true);
  const info = emulator.info();
  const target = await sourceStore(rows);
  try {
    emulator.control.stats.reset();
    let waits = 0;
    let waitedMs = 0;
    const run = await runPush({
      store: target.store,
      fetch: emulator.fetch,
      config: pushConfig({ baseUrl: info.baseUrl, token: info.token }),
      options: {
        onProgress: (event) => {
          if (event.kind !== "rate-limit-wait") return;
          waits += 1;
          waitedMs += event.ms;
        },
      },
    });
    const raw = apiCalls(emulator);
    const calls = pushCalls(raw);
    // Search has its own budget (5/s); everything else draws on the burst window.
    const burstCalls = raw.total - raw.search;
    const limitS = (burstCalls / BURST) * WINDOW_S;
    const rollingFloorS = Math.floor(Math.max(0, burstCalls - 1) / BURST) * WINDOW_S;
    const wallS = run.ms / 1000;
    yield { bench: BENCH, metric: "throttled.wall_time", value: round(wallS, 2), unit: "s", rows, tier: "professional", burst: `${BURST} per ${WINDOW_S} s`, calls: raw.total, burstCalls, searches: raw.search };
    yield { bench: BENCH, metric: "throttled.limit_time", value: round(limitS, 2), unit: "s", formula: "burstCalls / 190 * 10 s", allCallsLimitSeconds: round((raw.total / BURST) * WINDOW_S, 2) };
    yield { bench: BENCH, metric: "throttled.wall_vs_limit", value: round(wallS / limitS, 3), unit: "ratio", target: "<= 1.10", met: wallS / limitS <= 1.1 };
    if (rollingFloorS > 0) yield { bench: BENCH, metric: "throttled.wall_vs_rolling_window_floor", value: round(wallS / rollingFloorS, 3), unit: "ratio", floorSeconds: rollingFloorS };
    yield { bench: BENCH, metric: "throttled.client_waits", value: waits, unit: "waits", waitedSeconds: round(waitedMs / 1000, 2), workSeconds: round(wallS - waitedMs / 1000, 2) };
    yield { bench: BENCH, metric: "throttled.rate_limited_share", value: round((raw.rateLimited / raw.total) * 100, 3), unit: "%", rateLimited: raw.rateLimited, calls: raw.total, ...detail(calls) };
  } finally {
    await target.dispose();
  }
}

async function* sideBySide(rows: number): AsyncGenerator<BenchResult> {
  // One emulator each, the same companies in both: each push starts from the same portal.
  const results: Array<{ who: string; calls: PushCalls; ms: number }> = [];
  const target = await sourceStore(rows);
  try {
    for (const who of ["hubsync", "sdk_naive"] as const) {
      const { emulator } = loadedEmulator(rows, false);
      const server = await startEmulatorServer(emulator, 0, "127.0.0.1");
      const token = emulator.info().token;
      try {
        emulator.control.stats.reset();
        let ms: number;
        if (who === "hubsync") {
          const run = await runPush({ store: target.store, fetch: withoutRateLimitHeaders(globalThis.fetch), config: pushConfig({ baseUrl: server.url, token }), limits: unpacedLimits });
          if (run.summary.created !== rows || run.summary.associationsCreated !== rows) throw new Error(`hubsync pushed ${run.summary.created}/${run.summary.associationsCreated}, expected ${rows}`);
          ms = run.ms;
        } else {
          const sdk = await sdkPush({ basePath: server.url, token, dbPath: target.path });
          if (sdk.rows !== rows || sdk.associations !== rows) throw new Error(`the SDK pushed ${sdk.rows} rows and ${sdk.associations} associations, expected ${rows}`);
          ms = sdk.ms;
        }
        results.push({ who, calls: pushCalls(apiCalls(emulator)), ms });
      } finally {
        await server.close();
      }
    }
  } finally {
    await target.dispose();
  }
  for (const { who, calls, ms } of results) {
    const limitS = (calls.total / BURST) * WINDOW_S;
    yield { bench: BENCH, metric: `side_by_side.${who}.api_calls`, value: calls.total, unit: "calls", rows, ...detail(calls) };
    yield { bench: BENCH, metric: `side_by_side.${who}.wall_time_unthrottled`, value: round(ms / 1000, 2), unit: "s", rows, transport: "HTTP to 127.0.0.1" };
    yield { bench: BENCH, metric: `side_by_side.${who}.professional_limit_time`, value: round(limitS, 1), unit: "s", formula: "calls / 190 * 10 s", rows };
  }
}
