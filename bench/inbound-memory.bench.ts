/**
 * Peak memory of the inbound engine mirroring a million contacts (with their companies and
 * deals associations) into SQLite. The emulator holding the portal runs here, served over HTTP
 * on a free port; the engine runs in a fresh child process (`support/inbound-rss-child.ts`),
 * so its peak RSS (`process.resourceUsage().maxRSS`) holds none of the emulator's data nor
 * anything an earlier benchmark in this process allocated. `BENCH_INBOUND_CONTACTS` shrinks
 * the portal.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulator } from "../src/emulator/index.ts";
import { startEmulatorServer } from "../src/emulator/server.ts";
import { round, type BenchResult } from "./bench-result.ts";
import { apiCalls, dataCalls } from "./support/api-calls.ts";
import { sqlitePath } from "./support/bench-store.ts";
import { intEnv } from "./support/int-env.ts";
import { loadInboundPortal } from "./support/inbound-portal.ts";

const BENCH = "inbound-memory";
const ASSOCIATIONS = ["companies", "deals"];
/** The engine's budget at a million contacts (issue 3). */
const TARGET_MB = 300;

interface ChildReport {
  baselineRssMb: number;
  baselineMaxRssMb: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
  atPeak: { heapTotalMb: number; heapUsedMb: number; externalMb: number; arrayBuffersMb: number };
  endRssMb: number;
  endHeapUsedMb: number;
  ms: number;
  fetched: number;
  written: number;
  associationsChanged: number;
  apiCalls: number;
  timeline: Array<{ fetched: number; rssMb: number }>;
}

function runChild(env: Record<string, string>): Promise<ChildReport> {
  const script = fileURLToPath(new URL("./support/inbound-rss-child.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the engine's process exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as ChildReport);
      } catch (error) {
        reject(new Error(`the engine's process printed no report: ${out.slice(0, 500)}`, { cause: error }));
      }
    });
  });
}

export default async function* inboundMemoryBench(): AsyncGenerator<BenchResult> {
  const contacts = intEnv("BENCH_INBOUND_CONTACTS", 1_000_000);
  const emulator = createEmulator({ rateLimits: false });
  let began = performance.now();
  const counts = loadInboundPortal(emulator, contacts);
  yield { bench: BENCH, metric: "setup.load_portal", value: round((performance.now() - began) / 1000, 1), unit: "s", ...counts };

  const server = await startEmulatorServer(emulator, 0, "127.0.0.1");
  const { path } = sqlitePath();
  try {
    emulator.control.stats.reset();
    began = performance.now();
    const report = await runChild({ BENCH_RSS_URL: server.url, BENCH_RSS_TOKEN: emulator.info().token, BENCH_RSS_DB: path, BENCH_RSS_ASSOCIATIONS: ASSOCIATIONS.join(","), BENCH_RSS_EXPECTED: String(contacts) });
    const calls = apiCalls(emulator);
    if (report.written !== contacts) throw new Error(`the engine wrote ${report.written} contacts, expected ${contacts}`);
    const net = report.peakRssMb - report.baselineRssMb;
    yield { bench: BENCH, metric: "engine.peak_rss", value: report.peakRssMb, unit: "MB", contacts, target: `< ${TARGET_MB}`, met: report.peakRssMb < TARGET_MB, sampledPeakMb: report.sampledPeakRssMb, atSampledPeak: report.atPeak, method: "maxRSS of a fresh child process running only the engine; emulator in the parent over HTTP" };
    yield { bench: BENCH, metric: "engine.baseline_rss", value: report.baselineRssMb, unit: "MB", what: "child RSS after loading modules, parsing the config and opening the store, before the run" };
    yield { bench: BENCH, metric: "engine.peak_rss_growth", value: round(net, 1), unit: "MB", contacts, what: "peak RSS minus baseline: memory the run itself added" };
    yield { bench: BENCH, metric: "engine.end_of_run", value: report.endRssMb, unit: "MB", heapUsedMb: report.endHeapUsedMb };
    yield { bench: BENCH, metric: "engine.rss_timeline", value: report.timeline.at(-1)?.rssMb ?? report.endRssMb, unit: "MB", what: "RSS at each tenth of the records read", timeline: report.timeline.map((point) => [point.fetched, point.rssMb]) };
    yield { bench: BENCH, metric: "engine.records_per_second_http", value: Math.round(contacts / (report.ms / 1000)), unit: "records/s", seconds: round(report.ms / 1000, 1), contacts, associationRows: report.associationsChanged, transport: "HTTP to 127.0.0.1 (emulator in another process)" };
    yield { bench: BENCH, metric: "engine.api_calls", value: calls.total, unit: "calls", dataCalls: dataCalls(calls), floor: Math.ceil(contacts / 100) + ASSOCIATIONS.length * Math.ceil(contacts / 1000), list: calls.list, associationRead: calls.associationRead, metadata: calls.metadata };
  } finally {
    await server.close();
    rmSync(dirname(path), { recursive: true, force: true });
  }
  yield { bench: BENCH, metric: "emulator_process.peak_rss", value: round(process.resourceUsage().maxRSS / 1024, 1), unit: "MB", what: "this bench process: the emulator and its data (and any module run before this one), never the engine" };
}
