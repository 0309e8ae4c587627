import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { parseConfig, type HubsyncConfig } from "../../../config/index.ts";
import type { Clock } from "../../../core/clock.ts";
import type { HubsyncError } from "../../../core/hubsync-error.ts";
import { portalId, runId, syncId, type PortalId } from "../../../core/ids.ts";
import { silentLogger } from "../../../core/logger.ts";
import type { Result } from "../../../core/result.ts";
import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../../emulator/index.ts";
import type { Portal } from "../../../emulator/state/portal.ts";
import type { HubSpotClient, HubSpotLimitsInput } from "../../../hubspot/index.ts";
import { emulatorClock } from "../../../hubspot/test-support/emulator-clock.ts";
import { openStore, type AuditEntry, type OutboundRow, type Store } from "../../../store/index.ts";
import { testPostgresUrl } from "../../../store/test-support/both-stores.ts";
import { createHubSpotClientFactory } from "../../inbound/hubspot-client-factory.ts";
import type { OutboundDeps, OutboundProgress, OutboundRunOptions, OutboundRunSummary } from "../outbound-contract.ts";
import { reassociateOutbound } from "../reassociate-outbound.ts";
import { runOutboundSync } from "../run-outbound-sync.ts";

export const SYNC = "push";
export type Driver = "sqlite" | "postgres";

export interface KitInput {
  /** The outbound sync's keys as YAML lines (without `connection:`), e.g. `source: …`, `key: id`, `object: contacts`… */
  sync: string;
  emulator?: CreateEmulatorInput;
  limits?: HubSpotLimitsInput;
}

/** Test-only: an emulator, a store on one driver (whose database also holds the source tables), the engine's deps, and a config. */
export interface OutboundKit {
  driver: Driver;
  emulator: Emulator;
  portal: Portal;
  portalId: PortalId;
  store: Store;
  config: HubsyncConfig;
  clock: Clock;
  deps: OutboundDeps;
  /** A temp folder for CSV and JSONL sources (`${dir}` in the sync's YAML). */
  dir: string;
  client(): HubSpotClient;
  /** Runs SQL on the store's database, as the user's own tools would. */
  sql(...statements: string[]): Promise<void>;
  writeFile(name: string, content: string): string;
  /** Replaces the sync's YAML (a changed config between runs). */
  reconfigure(sync: string): void;
  attempt(options?: OutboundRunOptions): Promise<Result<OutboundRunSummary, HubsyncError>>;
  /** Runs the sync and insists it succeeded; `events` collects its progress. */
  run(options?: OutboundRunOptions, events?: OutboundProgress[]): Promise<OutboundRunSummary>;
  reassociate(options?: OutboundRunOptions): Promise<OutboundRunSummary>;
  /** HubSpot's public API with the default token (setting the scene). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Live records of a type in the emulator: id → properties. */
  records(type: string): Map<string, Record<string, string>>;
  /** Target ids associated with a record, with labels (null = unlabelled). */
  associations(fromType: string, fromId: string, toType: string): Map<string, Array<string | null>>;
  rows(): Promise<Map<string, OutboundRow>>;
  audit(runId: string): Promise<AuditEntry[]>;
}

/** Registers `name` once per driver, each with its own emulator and a fresh database dropped afterwards. */
export function forEachDriver(name: string, body: (kit: (input: KitInput) => Promise<OutboundKit>, driver: Driver, t: TestContext) => Promise<void>): void {
  for (const driver of ["sqlite", "postgres"] as const) {
    test(`${name} [${driver}]`, async (t) => {
      const cleanups: Array<() => Promise<void>> = [];
      try {
        await body((input) => outboundKit(input, driver, cleanups), driver, t);
      } finally {
        for (const cleanup of cleanups.reverse()) await cleanup();
      }
    });
  }
}

async function outboundKit(input: KitInput, driver: Driver, cleanups: Array<() => Promise<void>>): Promise<OutboundKit> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, seed: 7, ...input.emulator });
  const clock = emulatorClock(emulator);
  const info = emulator.info();
  const dir = mkdtempSync(join(tmpdir(), "hubsync-outbound-"));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const configFor = (sync: string): HubsyncConfig => {
    const yaml = `version: 1
connections:
  hub:
    baseUrl: ${info.baseUrl}
    auth: { type: private_app, token: "\${HUBSPOT_TOKEN}" }
outbound:
  ${SYNC}:
    connection: hub
    schedule: manual
${sync.replaceAll("${dir}", dir).replace(/^/gm, "    ")}
`;
    const parsed = parseConfig(yaml, { HUBSPOT_TOKEN: info.token });
    if (!parsed.ok) assert.fail(parsed.error.message);
    return parsed.value;
  };
  let config = configFor(input.sync);
  const { store, sql } = await openDriverStore(driver, clock, dir, cleanups);
  const hubspotFor = createHubSpotClientFactory({ fetch: emulator.fetch, clock, logger: silentLogger, random: () => 0.5, ...(input.limits === undefined ? {} : { limits: input.limits }) });
  const deps: OutboundDeps = { store, hubspotFor, clock, logger: silentLogger };
  const connection = config.connections[0];
  if (connection === undefined) throw new Error("no connection");
  const portal = emulator.parts.state.defaultPortal;
  const attempt = (options: OutboundRunOptions = {}) => runOutboundSync(deps, config, SYNC, options);
  const succeeded = (result: Result<OutboundRunSummary, HubsyncError>): OutboundRunSummary => {
    if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
    assert.equal(result.value.status, "succeeded", JSON.stringify(result.value.error));
    return result.value;
  };
  const kit: OutboundKit = {
    driver,
    emulator,
    portal,
    portalId: portalId(info.portalId),
    store,
    get config() {
      return config;
    },
    clock,
    deps,
    dir,
    client: () => hubspotFor(connection),
    sql,
    writeFile(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    reconfigure(sync) {
      config = configFor(sync);
    },
    attempt,
    async run(options = {}, events) {
      return succeeded(await attempt({ ...options, ...(events === undefined ? {} : { onProgress: (event) => events.push(event) }) }));
    },
    async reassociate(options = {}) {
      return succeeded(await reassociateOutbound(deps, config, SYNC, options));
    },
    async api<T>(method: string, path: string, body?: unknown) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" } };
      if (body !== undefined) init.body = JSON.stringify(body);
      const response = await emulator.fetch(`${info.baseUrl}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as T };
    },
    records(type) {
      const objectType = portal.resolveType(type);
      const result = new Map<string, Record<string, string>>();
      for (const record of portal.store(objectType).scan(0, false, portal.state.clock.now())) result.set(record.id, { ...record.properties });
      return result;
    },
    associations(fromType, fromId, toType) {
      const result = new Map<string, Array<string | null>>();
      for (const target of portal.associations.targets(portal.resolveType(fromType), fromId, portal.resolveType(toType))) {
        result.set(target.toObjectId, target.types.map((t) => t.label ?? null));
      }
      return result;
    },
    async rows() {
      const rows = new Map<string, OutboundRow>();
      for await (const page of store.scanOutboundRows(syncId(SYNC))) for (const row of page) rows.set(row.rowKey, row);
      return rows;
    },
    audit: (id) => store.auditEntries(runId(id)),
  };
  return kit;
}

async function openDriverStore(driver: Driver, clock: Clock, dir: string, cleanups: Array<() => Promise<void>>): Promise<{ store: Store; sql: (...statements: string[]) => Promise<void> }> {
  if (driver === "sqlite") {
    const path = join(dir, "store.db");
    const store = await openStore({ kind: "sqlite", path }, { clock, logger: silentLogger });
    cleanups.push(() => store.close());
    const sql = (...statements: string[]): Promise<void> => {
      const database = new Database(path);
      try {
        for (const statement of statements) database.exec(statement);
      } finally {
        database.close();
      }
      return Promise.resolve();
    };
    return { store, sql };
  }
  const schema = `hs_outbound_${randomBytes(6).toString("hex")}`;
  const store = await openStore({ kind: "postgres", url: testPostgresUrl, schema }, { clock, logger: silentLogger });
  const client = new pg.Client({ connectionString: testPostgresUrl, options: `-c search_path=${schema}` });
  await client.connect();
  cleanups.push(async () => {
    await store.close();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  return {
    store,
    sql: async (...statements) => {
      for (const statement of statements) await client.query(statement);
    },
  };
}

/** Calls of each kind the kit's client made during `fn`. */
export async function callsDuring<T>(kit: OutboundKit, fn: () => Promise<T>): Promise<{ value: T; calls: Record<string, number> }> {
  const before = kit.client().stats().calls;
  const value = await fn();
  const after = kit.client().stats().calls;
  const calls: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) {
    const delta = count - (before[kind as keyof typeof before] ?? 0);
    if (delta > 0) calls[kind] = delta;
  }
  return { value, calls };
}
