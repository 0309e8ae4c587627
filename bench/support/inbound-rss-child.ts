/**
 * The engine alone in a fresh process, for `inbound-memory.bench.ts`: a full refresh of the
 * `contacts` stream from an emulator served by the parent over HTTP into a SQLite file, then
 * one JSON line on stdout with this process's memory before and after. Nothing else ever ran
 * here, so its peak RSS is the engine's (plus Node and the modules it loads, measured before
 * the run as the baseline).
 *
 * Env: BENCH_RSS_URL (emulator), BENCH_RSS_TOKEN, BENCH_RSS_DB (SQLite file), BENCH_RSS_ASSOCIATIONS (comma list),
 * BENCH_RSS_EXPECTED (records expected, for the RSS timeline).
 */
import { openStore } from "../../src/store/index.ts";
import { mirrorConfig, runMirror, streamTotals, unpacedLimits, withoutRateLimitHeaders } from "./inbound-mirror.ts";

const need = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
};
const mb = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;

const associations = (process.env["BENCH_RSS_ASSOCIATIONS"] ?? "").split(",").filter((name) => name !== "");
const config = mirrorConfig({ baseUrl: need("BENCH_RSS_URL"), token: need("BENCH_RSS_TOKEN"), strategy: "full_refresh", streams: [{ name: "contacts", associations }] });
const store = await openStore({ kind: "sqlite", path: need("BENCH_RSS_DB") });

const baselineRssBytes = process.memoryUsage().rss;
const baselineMaxRssKb = process.resourceUsage().maxRSS;
// Where the memory is at the highest RSS seen: the JS heap, or outside it (buffers, SQLite, malloc).
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > atPeak.rss) atPeak = now;
}, 200);

// RSS each time another tenth of the expected records has been read: flat, or growing with N?
const expected = Number(process.env["BENCH_RSS_EXPECTED"] ?? "0");
const timeline: Array<{ fetched: number; rssMb: number }> = [];
const run = await runMirror({
  store,
  fetch: withoutRateLimitHeaders(globalThis.fetch),
  config,
  limits: unpacedLimits,
  options: {
    onProgress: (event) => {
      if (event.kind !== "page" || expected <= 0) return;
      if (event.fetchedSoFar >= ((timeline.length + 1) * expected) / 10) timeline.push({ fetched: event.fetchedSoFar, rssMb: mb(process.memoryUsage().rss) });
    },
  },
});
clearInterval(sampler);
await store.close();

const totals = streamTotals(run.summary);
const line = JSON.stringify({
  baselineRssMb: mb(baselineRssBytes),
  baselineMaxRssMb: mb(baselineMaxRssKb * 1024),
  peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  sampledPeakRssMb: mb(atPeak.rss),
  atPeak: { heapTotalMb: mb(atPeak.heapTotal), heapUsedMb: mb(atPeak.heapUsed), externalMb: mb(atPeak.external), arrayBuffersMb: mb(atPeak.arrayBuffers) },
  endRssMb: mb(process.memoryUsage().rss),
  endHeapUsedMb: mb(process.memoryUsage().heapUsed),
  ms: Math.round(run.ms),
  fetched: totals.fetched,
  written: totals.written,
  associationsChanged: totals.associationsChanged,
  apiCalls: run.summary.apiCalls,
  timeline,
});
process.stdout.write(`${line}\n`, () => process.exit(0));
