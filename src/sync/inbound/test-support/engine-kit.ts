import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import pg from "pg";
import { parseConfig, type HubsyncConfig } from "../../../config/index.ts";
import type { Clock } from "../../../core/clock.ts";
import type { HubsyncError } from "../../../core/hubsync-error.ts";
import { portalId, type PortalId } from "../../../core/ids.ts";
import { silentLogger } from "../../../core/logger.ts";
import type { Result } from "../../../core/result.ts";
import { createEmulator, type CreateEmulatorInput, type Emulator } from "../../../emulator/index.ts";
import type { Portal } from "../../../emulator/state/portal.ts";
import type { HubSpotClient, HubSpotLimitsInput } from "../../../hubspot/index.ts";
import { emulatorClock } from "../../../hubspot/test-support/emulator-clock.ts";
import { openStore, type Store, type StoredRecord } from "../../../store/index.ts";
import { createHubSpotClientFactory } from "../hubspot-client-factory.ts";
import type { InboundDeps, InboundRunOptions, InboundRunSummary } from "../inbound-contract.ts";
import type { InboundEngineOptions } from "../inbound-engine-options.ts";
import { runInboundSync } from "../run-inbound-sync.ts";

export const SYNC = "mirror";
export type Driver = "sqlite" | "postgres";
const pgUrl = process.env["HUBSYNC_TEST_PG_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

export interface KitInput {
  /** The sync's `streams:` as YAML lines. */
  streams: string;
  emulator?: CreateEmulatorInput;
  limits?: HubSpotLimitsInput;
  engine?: Partial<InboundEngineOptions>;
}

/** Test-only: an emulator, a store on one driver, the engine's deps wired to both, and a config. */
export interface EngineKit {
  emulator: Emulator;
  portal: Portal;
  portalId: PortalId;
  store: Store;
  config: HubsyncConfig;
  clock: Clock;
  deps: InboundDeps;
  client(): HubSpotClient;
  attempt(options?: InboundRunOptions, deps?: InboundDeps): Promise<Result<InboundRunSummary, HubsyncError>>;
  /** Runs the sync and insists it succeeded. */
  run(options?: InboundRunOptions): Promise<InboundRunSummary>;
  /** Live rows of a type, id → raw properties. */
  rows(type: string, includeDeleted?: boolean): Promise<Map<string, StoredRecord>>;
}

/** Registers `name` once per driver, each with its own emulator and a fresh database that is dropped afterwards. */
export function forEachDriver(name: string, body: (kit: (input: KitInput) => Promise<EngineKit>, driver: Driver, t: TestContext) => Promise<void>): void {
  for (const driver of ["sqlite", "postgres"] as const) {
    test(`${name} [${driver}]`, async (t) => {
      const cleanups: Array<() => Promise<void>> = [];
      try {
        await body((input) => engineKit(input, driver, cleanups), driver, t);
      } finally {
        for (const cleanup of cleanups.reverse()) await cleanup();
      }
    });
  }
}

async function engineKit(input: KitInput, driver: Driver, cleanups: Array<() => Promise<void>>): Promise<EngineKit> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, seed: 11, ...input.emulator });
  const clock = emulatorClock(emulator);
  const info = emulator.info();
  const yaml = `version: 1
connections:
  hub:
    baseUrl: ${info.baseUrl}
    auth: { type: private_app, token: "\${HUBSPOT_TOKEN}" }
inbound:
  ${SYNC}:
    connection: hub
    schedule: manual
    streams:
${input.streams.replace(/^/gm, "      ")}
`;
  const parsed = parseConfig(yaml, { HUBSPOT_TOKEN: info.token });
  if (!parsed.ok) assert.fail(parsed.error.message);
  const store = await openDriverStore(driver, clock, cleanups);
  const hubspotFor = createHubSpotClientFactory({ fetch: emulator.fetch, clock, logger: silentLogger, random: () => 0.5, ...(input.limits === undefined ? {} : { limits: input.limits }) });
  const deps: InboundDeps = { store, hubspotFor, clock, logger: silentLogger, ...(input.engine === undefined ? {} : { engine: input.engine }) };
  const config = parsed.value;
  const connection = config.connections[0];
  if (connection === undefined) throw new Error("no connection");
  const attempt = (options: InboundRunOptions = {}, d: InboundDeps = deps) => runInboundSync(d, config, SYNC, options);
  return {
    emulator,
    portal: emulator.parts.state.defaultPortal,
    portalId: portalId(info.portalId),
    store,
    config,
    clock,
    deps,
    client: () => hubspotFor(connection),
    attempt,
    async run(options = {}) {
      const result = await attempt(options);
      if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
      assert.equal(result.value.status, "succeeded", JSON.stringify(result.value.error));
      return result.value;
    },
    async rows(type, includeDeleted = false) {
      const rows = new Map<string, StoredRecord>();
      for await (const row of store.streamRecords(portalId(info.portalId), type, { includeDeleted })) rows.set(row.id, row);
      return rows;
    },
  };
}

async function openDriverStore(driver: Driver, clock: Clock, cleanups: Array<() => Promise<void>>): Promise<Store> {
  if (driver === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "hubsync-engine-"));
    const store = await openStore({ kind: "sqlite", path: join(dir, "mirror.db") }, { clock, logger: silentLogger });
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return store;
  }
  const schema = `hs_engine_${randomBytes(6).toString("hex")}`;
  const store = await openStore({ kind: "postgres", url: pgUrl, schema }, { clock, logger: silentLogger });
  cleanups.push(async () => {
    await store.close();
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  return store;
}

/** Every live record of a type in the emulator: id → value of every live property (null when unset). */
export function emulatorRecords(portal: Portal, type: string): Map<string, Record<string, string | null>> {
  const objectType = portal.resolveType(type);
  const names = portal.properties(objectType).live().map((d) => d.name);
  const result = new Map<string, Record<string, string | null>>();
  for (const record of portal.store(objectType).scan(0, false, portal.state.clock.now())) {
    const properties: Record<string, string | null> = {};
    for (const name of names) properties[name] = record.properties[name] ?? null;
    result.set(record.id, properties);
  }
  return result;
}

/** The store's live rows of `type` are the emulator's live records, id for id, value for value. */
export async function assertMirrors(kit: EngineKit, type: string): Promise<void> {
  const truth = emulatorRecords(kit.portal, type);
  const rows = await kit.rows(type);
  assert.deepEqual([...rows.keys()].sort(), [...truth.keys()].sort(), `${type}: ids differ`);
  for (const [id, properties] of truth) {
    const row = rows.get(id);
    for (const [name, value] of Object.entries(properties)) {
      assert.equal(row?.properties[name] ?? null, value, `${type} ${id}.${name}`);
    }
  }
}

/** Search calls the engine's client made during `fn`. */
export async function searchCalls<T>(kit: EngineKit, fn: () => Promise<T>): Promise<{ value: T; calls: number }> {
  const before = kit.client().stats().calls.search;
  const value = await fn();
  return { value, calls: kit.client().stats().calls.search - before };
}
