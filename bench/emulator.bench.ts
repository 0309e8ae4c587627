/**
 * The emulator at HubSpot scale: a million contacts in one process, then list pages and
 * filtered, sorted search pages through the in-process fetch (rate limits off), with varied
 * cursors and filter values so no figure is a repeated identical request. `BENCH_CONTACTS`
 * shrinks the portal; `BENCH_SEARCHES` sets how many search pages are timed.
 */
import { cpus, loadavg } from "node:os";
import { faker } from "@faker-js/faker";
import { createEmulator, type Emulator } from "../src/emulator/index.ts";
import { seededRandom, type Random } from "../src/emulator/random.ts";
import { quantile, round, type BenchResult } from "./bench-result.ts";

const BENCH = "emulator";
const DAY_MS = 86_400_000;
const STAGES = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"];
const DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hubspot.com", "example.org", "acme.io", "initech.com", "globex.net"];

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined ? Number.NaN : Number.parseInt(raw.replaceAll("_", ""), 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

function namePools(): { first: string[]; last: string[]; companies: string[] } {
  faker.seed(7);
  const unique = (make: () => string, count: number): string[] => {
    const names = new Set<string>();
    for (let i = 0; names.size < count && i < count * 20; i++) names.add(make());
    return [...names];
  };
  return { first: unique(() => faker.person.firstName(), 600), last: unique(() => faker.person.lastName(), 1200), companies: unique(() => faker.company.name(), 2000) };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Writes `count` contacts straight into the store, created over the last three years in order. */
function loadContacts(emulator: Emulator, count: number, start: number, end: number): void {
  const portal = emulator.parts.state.defaultPortal;
  const store = portal.store(portal.resolveType("contacts"));
  const random = seededRandom(42);
  const pools = namePools();
  const source = { sourceType: "IMPORT" };
  const step = (end - start) / count;
  for (let i = 0; i < count; i++) {
    const first = pick(random, pools.first);
    const last = pick(random, pools.last);
    const at = Math.round(start + i * step + random() * step);
    const local = `${first}.${last}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
    const properties: Record<string, string> = {
      firstname: first,
      lastname: last,
      email: `${local}@${pick(random, DOMAINS)}`,
      lifecyclestage: pick(random, STAGES),
      company: pick(random, pools.companies),
      createdate: new Date(at).toISOString(),
    };
    if (random() < 0.6) properties["phone"] = `+1 555 ${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`;
    store.create(properties, source, at);
  }
}

async function timed(emulator: Emulator, token: string, method: string, path: string, body?: unknown): Promise<{ ms: number; status: number; json: any }> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const began = performance.now();
  const response = await emulator.fetch(`http://bench.emulator${path}`, init);
  const json = (await response.json()) as unknown;
  return { ms: performance.now() - began, status: response.status, json };
}

/** Median and p95 wall time, plus mean CPU time per request (what the process itself spent, whatever else the machine ran). */
function latency(metric: string, samples: number[], cpu: NodeJS.CpuUsage, extra: Record<string, unknown> = {}): BenchResult[] {
  return [
    { bench: BENCH, metric: `${metric}.median`, value: round(quantile(samples, 0.5)), unit: "ms", samples: samples.length, ...extra },
    { bench: BENCH, metric: `${metric}.p95`, value: round(quantile(samples, 0.95)), unit: "ms", samples: samples.length, ...extra },
    { bench: BENCH, metric: `${metric}.cpu_mean`, value: round((cpu.user + cpu.system) / 1000 / samples.length), unit: "ms", samples: samples.length, ...extra },
  ];
}

const rssMb = (): number => round(process.memoryUsage().rss / 1_048_576, 1);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

export default async function* emulatorBench(): AsyncGenerator<BenchResult> {
  const contacts = intEnv("BENCH_CONTACTS", 1_000_000);
  const searches = intEnv("BENCH_SEARCHES", 400);
  const emulator = createEmulator({ rateLimits: false, baseUrl: "http://bench.emulator" });
  const token = emulator.info().token;
  const end = Date.UTC(2025, 0, 1);
  const start = end - 3 * 365 * DAY_MS;

  // Latencies mean little without knowing what else the machine was doing.
  yield { bench: BENCH, metric: "machine.load_average_1m", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length, node: process.version };

  let began = performance.now();
  loadContacts(emulator, contacts, start, end);
  const loadMs = performance.now() - began;
  gc();
  yield { bench: BENCH, metric: "load.contacts", value: round(loadMs / 1000, 2), unit: "s", contacts, perSecond: Math.round(contacts / (loadMs / 1000)), rssMb: rssMb() };

  // The first search builds the columns it needs (then kept current write by write).
  emulator.parts.search.flush();
  began = performance.now();
  const first = await timed(emulator, token, "POST", "/crm/v3/objects/contacts/search", {
    filterGroups: [{ filters: [{ propertyName: "lifecyclestage", operator: "EQ", value: "lead" }, { propertyName: "createdate", operator: "GTE", value: String(start) }] }],
    sorts: [{ propertyName: "createdate", direction: "DESCENDING" }],
    limit: 200,
  });
  if (first.status !== 200) throw new Error(`search answered ${first.status}: ${JSON.stringify(first.json)}`);
  yield { bench: BENCH, metric: "search.first_query_with_index_build", value: round(performance.now() - began, 1), unit: "ms", contacts };

  // List pages: walk the whole list, 100 at a time, every cursor a different position.
  const listSamples: number[] = [];
  let cpu = process.cpuUsage();
  let after: string | undefined;
  let listed = 0;
  do {
    const page = await timed(emulator, token, "GET", `/crm/v3/objects/contacts?limit=100${after === undefined ? "" : `&after=${after}`}`);
    if (page.status !== 200) throw new Error(`list answered ${page.status}: ${JSON.stringify(page.json)}`);
    listSamples.push(page.ms);
    listed += (page.json as { results: unknown[] }).results.length;
    after = (page.json as { paging?: { next?: { after?: string } } }).paging?.next?.after;
  } while (after !== undefined);
  if (listed !== contacts) throw new Error(`the list walk saw ${listed} contacts, expected ${contacts}`);
  yield* latency("list.page100", listSamples, process.cpuUsage(cpu), { contacts });

  // Search pages: a stage and a creation-date floor that change on every call, newest first.
  const random = seededRandom(9);
  const searchSamples: number[] = [];
  cpu = process.cpuUsage();
  let matched = 0;
  for (let i = 0; i < searches; i++) {
    const since = Math.round(start + random() * (end - start) * 0.9);
    const page = await timed(emulator, token, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [{ filters: [
        { propertyName: "lifecyclestage", operator: "EQ", value: STAGES[i % STAGES.length] },
        { propertyName: "createdate", operator: "GTE", value: new Date(since).toISOString() },
      ] }],
      sorts: [{ propertyName: "createdate", direction: i % 2 === 0 ? "DESCENDING" : "ASCENDING" }],
      properties: ["email", "lifecyclestage", "phone"],
      limit: 200,
    });
    if (page.status !== 200 || (page.json as { results: unknown[] }).results.length === 0) throw new Error(`search answered ${page.status}: ${JSON.stringify(page.json).slice(0, 300)}`);
    matched += (page.json as { total: number }).total;
    searchSamples.push(page.ms);
  }
  yield* latency("search.filtered_sorted_page200", searchSamples, process.cpuUsage(cpu), { contacts, meanTotal: Math.round(matched / searches) });

  // The sync engine's windowing query: everything past an id, in id order (a range scan, no EQ to drive it).
  const portal = emulator.parts.state.defaultPortal;
  const firstId = Number(portal.store(portal.resolveType("contacts")).scan(0, false, end).next().value?.id ?? 0);
  const windowSamples: number[] = [];
  cpu = process.cpuUsage();
  for (let i = 0; i < searches; i++) {
    const past = firstId + Math.floor(random() * contacts * 0.98);
    const page = await timed(emulator, token, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "GT", value: String(past) }] }],
      sorts: [{ propertyName: "hs_object_id", direction: "ASCENDING" }],
      limit: 200,
    });
    if (page.status !== 200 || (page.json as { results: Array<{ id: string }> }).results[0]?.id !== String(past + 1)) throw new Error(`window search answered ${page.status}: ${JSON.stringify(page.json).slice(0, 300)}`);
    windowSamples.push(page.ms);
  }
  yield* latency("search.id_window_page200", windowSamples, process.cpuUsage(cpu), { contacts });

  // Deeper pages and a text sort: the top-k window grows with `after`.
  const deepSamples: number[] = [];
  cpu = process.cpuUsage();
  for (let i = 0; i < Math.ceil(searches / 2); i++) {
    const offset = Math.floor(random() * 49) * 200;
    const page = await timed(emulator, token, "POST", "/crm/v3/objects/contacts/search", {
      filterGroups: [{ filters: [{ propertyName: "lifecyclestage", operator: "IN", values: [STAGES[i % 8], STAGES[(i + 3) % 8]] }] }],
      sorts: [{ propertyName: "lastname", direction: i % 2 === 0 ? "ASCENDING" : "DESCENDING" }],
      limit: 200,
      after: String(offset),
    });
    if (page.status !== 200) throw new Error(`search answered ${page.status}: ${JSON.stringify(page.json).slice(0, 300)}`);
    deepSamples.push(page.ms);
  }
  yield* latency("search.text_sorted_page200_after_0_to_9600", deepSamples, process.cpuUsage(cpu), { contacts });

  gc();
  yield { bench: BENCH, metric: "machine.load_average_1m_at_end", value: round(loadavg()[0] ?? 0, 2), unit: "runnable", cpus: cpus().length };
  yield { bench: BENCH, metric: "memory.rss_after_gc", value: rssMb(), unit: "MB", contacts };
  yield { bench: BENCH, metric: "memory.peak_rss", value: round(process.resourceUsage().maxRSS / 1024, 1), unit: "MB", contacts };
}
