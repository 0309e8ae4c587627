/**
 * The inbound mirror (issue 3) against the emulator: API calls of a full refresh against the
 * floor, wall time under HubSpot's Professional rate limit, unthrottled records/s into SQLite
 * and PostgreSQL, a no-change incremental run, and the same mirror written with the official
 * SDK the usual way. Peak memory at a million contacts is `inbound-memory.bench.ts`.
 *
 * Sizes: `BENCH_INBOUND_CALLS_CONTACTS` (calls, records/s and the incremental run; default
 * 20,000), `BENCH_INBOUND_THROTTLED_CONTACTS` (the rate-limited run, real time; default 20,000),
 * `BENCH_INBOUND_SDK_CONTACTS` (the side-by-side over HTTP; default 20,000).
 */
import { cpus, loadavg } from "node:os";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { createEmulator, type Emulator } from "../src/emulator/index.ts";
import { startEmulatorServer } from "../src/emulator/server.ts";
import { portalId } from "../src/core/ids.ts";
import type { Store, StoreKind } from "../src/store/index.ts";
import { round, type BenchResult } from "./bench-result.ts";
import { apiCalls, countingFetch, dataCalls, type ApiCalls } from "./support/api-calls.ts";
import { openBenchStore, sqlitePath } from "./support/bench-store.ts";
import { intEnv } from "./support/int-env.ts";
import { loadInboundPortal, type InboundPortalCounts } from "./support/inbound-portal.ts";
import { mirrorConfig, runMirror, streamTotals, unpacedLimits, withoutRateLimitHeaders, type MirrorStream } from "./support/inbound-mirror.ts";
import { sdkMirror } from "./support/sdk-mirror.ts";

const BENCH = "inbound";
const ASSOCIATIONS = ["companies", "deals"] as const;
const CONTACTS_STREAM: MirrorStream = { name: "contacts", associations: ASSOCIATIONS };
/** HubSpot's Professional private-app burst: 190 calls in any rolling 10 s. */
const BURST = 190;
const WINDOW_S = 10;

interface LoadedEmulator {
  emulator: Emulator;
  counts: InboundPortalCounts;
  loadMs: number;
}

function loadedEmulator(contacts: number, rateLimits: boolean): LoadedEmulator {
  const emulator = createEmulator({ rateLimits, baseUrl: "http://bench.emulator" });
  const began = performance.now();
  const counts = loadInboundPortal(emulator, contacts);
  return { emulator, counts, loadMs: performance.now() - began };
}

/** The floor of a contacts mirror: every list page full, every association batch full. */
const floorOf = (contacts: number, associationTypes: number): number => Math.ceil(contacts / 100) + associationTypes * Math.ceil(contacts / 1000);

const callDetail = (calls: ApiCalls): Record<string, unknown> => ({
  list: calls.list,
  associationRead: calls.associationRead,
  search: calls.search,
  batchRead: calls.batchRead,
  metadata: calls.metadata,
  rateLimited: calls.rateLimited,
});

export default async function* inboundBench(): AsyncGenerator<BenchResult> {
  const n = intEnv("BENCH_INBOUND_CALLS_CONTACTS", 20_000);
  const throttledN = intEnv("BENCH_INBOUND_THROTTLED_CONTACTS", 20_000);
  const sdkN = intEnv("BENCH_INBOUND_SDK_CONTACTS", 20_000);

  yield { bench: BENCH, metric: "machine.load_average_1m", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length, node: process.version };

  // (a) and (c): full refresh, no rate limits, in-process fetch.
  const unthrottled = loadedEmulator(n, false);
  const { emulator } = unthrottled;
  const info = emulator.info();
  yield { bench: BENCH, metric: "setup.load_portal", value: round(unthrottled.loadMs / 1000, 2), unit: "s", ...unthrottled.counts };
  const fullConfig = mirrorConfig({ baseUrl: info.baseUrl, token: info.token, strategy: "full_refresh", streams: [CONTACTS_STREAM] });
  const unpacedFetch = withoutRateLimitHeaders(emulator.fetch);

  for (const kind of ["sqlite", "postgres"] as const satisfies readonly StoreKind[]) {
    const target = await openBenchStore(kind);
    try {
      emulator.control.stats.reset();
      const run = await runMirror({ store: target.store, fetch: unpacedFetch, config: fullConfig, limits: unpacedLimits });
      const calls = apiCalls(emulator);
      const totals = streamTotals(run.summary);
      if (totals.written !== n) throw new Error(`full refresh wrote ${totals.written} contacts, expected ${n}`);
      const associationRows = await storedAssociations(target.store, info.portalId);
      if (associationRows !== expectedAssociationRows(unthrottled.counts)) {
        throw new Error(`full refresh stored ${associationRows} contact associations, expected ${expectedAssociationRows(unthrottled.counts)}`);
      }
      if (kind === "sqlite") {
        const floor = floorOf(n, ASSOCIATIONS.length);
        const data = dataCalls(calls);
        yield { bench: BENCH, metric: "full_refresh.data_calls", value: data, unit: "calls", contacts: n, associationTypes: ASSOCIATIONS.length, ...callDetail(calls) };
        yield { bench: BENCH, metric: "full_refresh.data_calls_floor", value: floor, unit: "calls", contacts: n, formula: "ceil(N/100) + 2 * ceil(N/1000)" };
        yield { bench: BENCH, metric: "full_refresh.data_calls_vs_floor", value: round(data / floor, 4), unit: "ratio", target: "<= 1.02", met: data / floor <= 1.02 };
        yield { bench: BENCH, metric: "full_refresh.metadata_calls", value: calls.metadata, unit: "calls", byRoute: calls.byRoute };
        yield { bench: BENCH, metric: "full_refresh.client_counted_calls", value: run.summary.apiCalls, unit: "calls", emulatorCounted: calls.total };
      }
      yield {
        bench: BENCH,
        metric: `full_refresh.${kind}.records_per_second`,
        value: Math.round(n / (run.ms / 1000)),
        unit: "records/s",
        contacts: n,
        seconds: round(run.ms / 1000, 2),
        associationRows,
        ...(kind === "sqlite" ? { fileMb: round(target.sizeBytes() / 1_048_576, 1) } : {}),
      };
    } finally {
      await target.dispose();
    }
  }

  // (d): an incremental sync run twice with nothing changed in between; the second run is judged.
  for (const kind of ["sqlite", "postgres"] as const satisfies readonly StoreKind[]) {
    const target = await openBenchStore(kind);
    try {
      const streams: MirrorStream[] = [CONTACTS_STREAM, { name: "companies" }, { name: "deals" }];
      const config = mirrorConfig({ baseUrl: info.baseUrl, token: info.token, strategy: "incremental", streams });
      const counted = countingFetch(unpacedFetch);
      await runMirror({ store: target.store, fetch: counted.fetch, config, limits: unpacedLimits });
      counted.reset();
      emulator.control.stats.reset();
      const second = await runMirror({ store: target.store, fetch: counted.fetch, config, limits: unpacedLimits });
      const calls = apiCalls(emulator);
      const totals = streamTotals(second.summary);
      const searches = counted.searchesByType();
      const perStream = Object.fromEntries(streams.map((stream) => [stream.name, searches[stream.name] ?? 0]));
      yield { bench: BENCH, metric: `incremental_noop.${kind}.max_search_calls_per_stream`, value: Math.max(...Object.values(perStream)), unit: "calls", target: "<= 1", perStream, contacts: n };
      yield { bench: BENCH, metric: `incremental_noop.${kind}.rows_written`, value: totals.written, unit: "rows", target: 0, deleted: totals.deleted, merged: totals.merged, associationsChanged: totals.associationsChanged, fetched: totals.fetched };
      yield { bench: BENCH, metric: `incremental_noop.${kind}.api_calls`, value: calls.total, unit: "calls", seconds: round(second.ms / 1000, 3), ...callDetail(calls), byRoute: calls.byRoute };
    } finally {
      await target.dispose();
    }
  }

  // Side by side over real HTTP: hubsync, then the SDK written the usual way, same portal.
  yield* sideBySide(sdkN === n ? unthrottled : loadedEmulator(sdkN, false), sdkN);

  // (b): HubSpot's Professional limits on, real time.
  yield* throttled(throttledN);

  yield { bench: BENCH, metric: "machine.load_average_1m_at_end", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length };
}

async function* throttled(contacts: number): AsyncGenerator<BenchResult> {
  const { emulator } = loadedEmulator(contacts, true);
  const info = emulator.info();
  const config = mirrorConfig({ baseUrl: info.baseUrl, token: info.token, strategy: "full_refresh", streams: [CONTACTS_STREAM] });
  const target = await openBenchStore("sqlite");
  try {
    emulator.control.stats.reset();
    const run = await runMirror({ store: target.store, fetch: emulator.fetch, config });
    const calls = apiCalls(emulator);
    // Search has its own budget (5/s); everything else draws on the burst window.
    const burstCalls = calls.total - calls.search;
    const limitS = (burstCalls / BURST) * WINDOW_S;
    // With an empty window the first 190 calls may go at once: the k-th call (from 0) cannot be
    // sent before floor(k / 190) windows have passed.
    const rollingFloorS = Math.floor(Math.max(0, burstCalls - 1) / BURST) * WINDOW_S;
    const wallS = run.ms / 1000;
    yield { bench: BENCH, metric: "throttled.wall_time", value: round(wallS, 2), unit: "s", contacts, tier: "professional", burst: `${BURST} per ${WINDOW_S} s`, calls: calls.total, burstCalls };
    yield { bench: BENCH, metric: "throttled.limit_time", value: round(limitS, 2), unit: "s", formula: "burstCalls / 190 * 10 s" };
    yield { bench: BENCH, metric: "throttled.wall_vs_limit", value: round(wallS / limitS, 3), unit: "ratio", target: "<= 1.10", met: wallS / limitS <= 1.1 };
    if (rollingFloorS > 0) {
      yield { bench: BENCH, metric: "throttled.wall_vs_rolling_window_floor", value: round(wallS / rollingFloorS, 3), unit: "ratio", floorSeconds: rollingFloorS, formula: "floor((burstCalls - 1) / 190) * 10 s" };
    }
    yield { bench: BENCH, metric: "throttled.rate_limited_share", value: round((calls.rateLimited / calls.total) * 100, 3), unit: "%", target: "< 1", rateLimited: calls.rateLimited, calls: calls.total };
    yield { bench: BENCH, metric: "throttled.client_waits", value: run.summary.rateLimitWaits, unit: "waits", waitedSeconds: round(run.summary.rateLimitWaitMs / 1000, 2) };
  } finally {
    await target.dispose();
  }
}

async function* sideBySide(loaded: LoadedEmulator, contacts: number): AsyncGenerator<BenchResult> {
  const { emulator } = loaded;
  const server = await startEmulatorServer(emulator, 0, "127.0.0.1");
  const token = emulator.info().token;
  try {
    const config = mirrorConfig({ baseUrl: server.url, token, strategy: "full_refresh", streams: [CONTACTS_STREAM] });
    const target = await openBenchStore("sqlite");
    let hubsync: { calls: ApiCalls; ms: number };
    try {
      emulator.control.stats.reset();
      const run = await runMirror({ store: target.store, fetch: withoutRateLimitHeaders(globalThis.fetch), config, limits: unpacedLimits });
      hubsync = { calls: apiCalls(emulator), ms: run.ms };
    } finally {
      await target.dispose();
    }

    const { path } = sqlitePath();
    emulator.control.stats.reset();
    let sdk;
    try {
      sdk = await sdkMirror({ basePath: server.url, token, associations: ASSOCIATIONS, dbPath: path });
    } finally {
      rmSync(dirname(path), { recursive: true, force: true });
    }
    const sdkCalls = apiCalls(emulator);
    if (sdk.contacts !== contacts) throw new Error(`the SDK mirror read ${sdk.contacts} contacts, expected ${contacts}`);

    for (const [who, calls, ms] of [["hubsync", hubsync.calls, hubsync.ms], ["sdk_naive", sdkCalls, sdk.ms]] as const) {
      const limitS = ((calls.total - calls.search) / BURST) * WINDOW_S;
      yield { bench: BENCH, metric: `side_by_side.${who}.api_calls`, value: calls.total, unit: "calls", contacts, ...callDetail(calls) };
      yield { bench: BENCH, metric: `side_by_side.${who}.wall_time_unthrottled`, value: round(ms / 1000, 2), unit: "s", contacts, transport: "HTTP to 127.0.0.1" };
      yield { bench: BENCH, metric: `side_by_side.${who}.professional_limit_time`, value: round(limitS, 1), unit: "s", formula: "non-search calls / 190 * 10 s", contacts };
    }
  } finally {
    await server.close();
  }
}

/** Association rows stored for contacts; a full mirror holds every type of every pair. */
async function storedAssociations(store: Store, portal: number): Promise<number> {
  return (await store.associations(portalId(portal), { fromType: "contacts" })).length;
}

/** Company pairs carry the default type and the primary label; deal pairs the default only. */
const expectedAssociationRows = (counts: InboundPortalCounts): number => 2 * counts.contactCompanyPairs + counts.contactDealPairs;
