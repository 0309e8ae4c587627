/**
 * One hubsync outbound run as the outbound benchmarks drive it: a source table of contacts in a
 * temp SQLite store database, companies written straight into the emulator's store, the sync
 * parsed from YAML by `parseConfig`, and `runOutboundSync` with the engine's own client factory.
 */
import Database from "better-sqlite3";
import { parseConfig, type HubsyncConfig } from "../../src/config/index.ts";
import { systemClock, type Clock } from "../../src/core/clock.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Emulator } from "../../src/emulator/index.ts";
import type { FetchLike, HubSpotLimitsInput } from "../../src/hubspot/index.ts";
import type { Store } from "../../src/store/index.ts";
import { createHubSpotClientFactory, runOutboundSync, type OutboundRunOptions, type OutboundRunSummary } from "../../src/sync/index.ts";
import type { ApiCalls } from "./api-calls.ts";

export const PUSH_SYNC = "bench-push";
export const SOURCE_TABLE = "customers";

/** Companies per contact row: one company for every five rows, so each domain is named five times. */
export const companiesFor = (rows: number): number => Math.ceil(rows / 5);
export const domainOf = (company: number): string => `company${company}.example.com`;
export const emailOf = (row: number): string => `customer.${row}@example.com`;

/** Upsert contacts by email, one association per row: contact → company by domain. */
export function pushConfig(input: { baseUrl: string; token: string }): HubsyncConfig {
  const text = `version: 1
connections:
  emulator:
    baseUrl: ${input.baseUrl}
    tier: professional
    auth: { type: private_app, token: "\${BENCH_TOKEN}" }
outbound:
  ${PUSH_SYNC}:
    connection: emulator
    schedule: manual
    source: { table: ${SOURCE_TABLE} }
    key: id
    object: contacts
    mode: upsert
    match: { property: email, column: email }
    fields:
      email: email
      firstname: first_name
      lastname: last_name
      jobtitle: job_title
      city: city
    associations:
      - { to: companies, column: company_domain, by: domain }
`;
  const parsed = parseConfig(text, { BENCH_TOKEN: input.token });
  if (!parsed.ok) throw new Error(`bench config rejected: ${parsed.error.message}`);
  return parsed.value;
}

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson"];
const TITLES = ["Engineer", "Head of Sales", "CFO", "Founder"];
const CITIES = ["Berlin", "Boston", "Dublin", "Lyon", "Kyoto"];

export interface SourceRowData {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  job_title: string;
  city: string;
  company_domain: string;
}

/** Row `i` of the source: deterministic, so the SDK push sends exactly what hubsync sends. */
export function sourceRow(i: number, rows: number): SourceRowData {
  return {
    id: i + 1,
    email: emailOf(i),
    first_name: FIRST[i % FIRST.length]!,
    last_name: LAST[(i * 7) % LAST.length]!,
    job_title: TITLES[i % TITLES.length]!,
    city: CITIES[(i * 3) % CITIES.length]!,
    company_domain: domainOf(i % companiesFor(rows)),
  };
}

/** Creates and fills the source table in the SQLite file the store uses (a second connection, as the user's own tools would). */
export function writeSourceTable(path: string, rows: number): void {
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`create table ${SOURCE_TABLE} (id integer primary key, email text not null, first_name text, last_name text, job_title text, city text, company_domain text)`);
    const insert = db.prepare(`insert into ${SOURCE_TABLE} values (@id, @email, @first_name, @last_name, @job_title, @city, @company_domain)`);
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(sourceRow(i, rows));
    })();
  } finally {
    db.close();
  }
}

/** Changes `first_name` of every `every`-th row; returns how many rows changed. */
export function changeSourceRows(path: string, every: number): number {
  const db = new Database(path);
  try {
    return db.prepare(`update ${SOURCE_TABLE} set first_name = first_name || ' (changed)' where id % ? = 0`).run(every).changes;
  } finally {
    db.close();
  }
}

/** The companies the rows name, written straight into the emulator's store and made visible to search. */
export function loadCompanies(emulator: Emulator, rows: number): number {
  const portal = emulator.parts.state.defaultPortal;
  const companies = portal.store(portal.resolveType("companies"));
  const at = emulator.control.clock.now() - 86_400_000;
  const count = companiesFor(rows);
  for (let i = 0; i < count; i++) companies.create({ name: `Company ${i}`, domain: domainOf(i) }, { sourceType: "IMPORT" }, at);
  emulator.control.flushSearch();
  return count;
}

export interface PushRun {
  summary: OutboundRunSummary;
  ms: number;
}

export interface RunPushInput {
  store: Store;
  fetch: FetchLike;
  config: HubsyncConfig;
  clock?: Clock;
  limits?: HubSpotLimitsInput;
  options?: OutboundRunOptions;
}

/** Runs the push once; a run that does not succeed, or refuses a row, throws, so no figure hides a failure. */
export async function runPush(input: RunPushInput): Promise<PushRun> {
  const clock = input.clock ?? systemClock;
  const hubspotFor = createHubSpotClientFactory({ fetch: input.fetch, clock, ...(input.limits === undefined ? {} : { limits: input.limits }) });
  const began = performance.now();
  const result = await runOutboundSync({ store: input.store, hubspotFor, clock, logger: silentLogger }, input.config, PUSH_SYNC, input.options ?? {});
  const ms = performance.now() - began;
  if (!result.ok) throw new Error(`outbound run failed: ${result.error.code}: ${result.error.message}`);
  const summary = result.value;
  if (summary.status !== "succeeded") throw new Error(`outbound run ended ${summary.status}: ${JSON.stringify(summary.error)}`);
  if (summary.failed > 0 || summary.rowsInvalid > 0) throw new Error(`outbound run refused rows: ${summary.failed} failed, ${summary.rowsInvalid} invalid`);
  return { summary, ms };
}

/** Outbound calls by purpose: writes (what the floor counts), look-ups (reads resolving targets), metadata. */
export interface PushCalls {
  total: number;
  /** Record writes: batch create/update/upsert/archive, single-record writes. */
  recordWrites: number;
  /** Association writes: v4 batch create/archive, labels, single-pair PUT/DELETE. */
  associationWrites: number;
  /** Reads that find records or pairs: searches, batch reads, association reads, list pages. */
  lookups: number;
  /** Properties, schemas, labels, token info, lists metadata. */
  metadata: number;
  rateLimited: number;
  byRoute: Record<string, number>;
}

export function pushCalls(calls: ApiCalls): PushCalls {
  const result: PushCalls = { total: calls.total, recordWrites: 0, associationWrites: 0, lookups: 0, metadata: 0, rateLimited: calls.rateLimited, byRoute: calls.byRoute };
  for (const [key, count] of Object.entries(calls.byRoute)) {
    const [method = "", route = ""] = key.split(" ");
    const write = method !== "GET" && !/\/(search|read)$/.test(route);
    if (/^\/crm\/v3\/objects\/:[^/]+(\/batch\/(create|update|upsert|archive)|\/:[^/]+)?$/.test(route) && write) result.recordWrites += count;
    else if (route.startsWith("/crm/v4/") && !route.includes("labels") && write) result.associationWrites += count;
    else if (/\/(search|batch\/read)$/.test(route) || (method === "GET" && /^\/crm\/v[34]\/objects\//.test(route))) result.lookups += count;
    else result.metadata += count;
  }
  return result;
}

export const writeCalls = (calls: PushCalls): number => calls.recordWrites + calls.associationWrites;
