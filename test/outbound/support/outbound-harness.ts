import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { stringify } from "yaml";
import { parseConfig, type HubsyncConfig } from "../../../src/config/index.ts";
import type { Clock } from "../../../src/core/clock.ts";
import type { HubsyncError } from "../../../src/core/hubsync-error.ts";
import { portalId as toPortalId, type PortalId, type RunId } from "../../../src/core/ids.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import type { Result } from "../../../src/core/result.ts";
import { allScopes } from "../../../src/emulator/auth/access-grant.ts";
import { createEmulator, type CreateEmulatorInput, type Emulator, type FetchLike } from "../../../src/emulator/index.ts";
import type { Portal } from "../../../src/emulator/state/portal.ts";
import type { HubSpotLimitsInput } from "../../../src/hubspot/index.ts";
import { emulatorClock } from "../../../src/hubspot/test-support/emulator-clock.ts";
import { installOAuthApp } from "../../../src/hubspot/test-support/oauth-install.ts";
import type { AuditEntry, Store } from "../../../src/store/index.ts";
import {
  applyOutboundSchema,
  createHubSpotClientFactory,
  outboundRecordIds,
  outboundStatus,
  reassociateOutbound,
  runOutboundSync,
} from "../../../src/sync/index.ts";
import type { OutboundDeps, OutboundProgress, OutboundRunOptions, OutboundRunSummary, OutboundStatus } from "../../../src/sync/outbound/outbound-contract.ts";
import { RequestLog } from "../../inbound/support/request-log.ts";
import { openTestStore, type Driver, type TestStore } from "../../inbound/support/test-store.ts";
import { openSourceDatabase, type SourceDatabase } from "./source-database.ts";

export { drivers, type Driver } from "../../inbound/support/test-store.ts";

/** The connection every scenario writes through. */
export const CONNECTION = "emulator";

/** One outbound sync as hubsync.yaml would hold it, minus `connection` and `schedule` (the harness adds them). */
export type SyncSpec = Record<string, unknown>;

export interface OutboundHarnessInput {
  driver: Driver;
  /** Sync name → its definition (`source`, `key`, `object`, `mode`, `match`, `fields`, …). */
  syncs: Record<string, SyncSpec>;
  /** Emulator options; the harness defaults to rate limits off and no index lag. */
  emulator?: CreateEmulatorInput;
  /** The engine's client limits (shrunk to meet boundaries cheaply). */
  clientLimits?: HubSpotLimitsInput;
  /** Connect through an OAuth installation (every scope the emulator knows) instead of a private app. */
  oauth?: boolean;
  tier?: "starter" | "professional" | "enterprise";
  /** Wraps the fetch the engine uses (after the request log), e.g. to move time per request. */
  wrapFetch?: (fetch: FetchLike, emulator: Emulator) => FetchLike;
}

/** One scenario's world: an emulator, a store on one driver with the user's tables beside it, and the engine's deps. */
export interface OutboundHarness {
  driver: Driver;
  emulator: Emulator;
  portal: Portal;
  portalId: PortalId;
  store: Store;
  /** The store's database, where `table` and `query` sources live. */
  db: SourceDatabase;
  clock: Clock;
  deps: OutboundDeps;
  /** Every request the engine sent (setup through `callApi` is not in it). */
  requests: RequestLog;
  config: HubsyncConfig;
  /** Replaces the syncs (and rebuilds the config); the connection and its client stay. */
  setSyncs(syncs: Record<string, SyncSpec>): void;
  /** A file in the scenario's temp folder; returns its absolute path. */
  writeFile(name: string, text: string): string;
  /** A JSON Lines file of `rows`; returns its path. */
  jsonl(name: string, rows: ReadonlyArray<Record<string, unknown>>): string;
  /** A CSV file (header from `columns`; null → empty field); returns its path. */
  csv(name: string, columns: readonly string[], rows: ReadonlyArray<Record<string, string | number | null>>): string;
  /** Runs the sync; asserts it returned a summary with status succeeded. */
  run(sync: string, options?: OutboundRunOptions): Promise<OutboundRunSummary>;
  /** Runs the sync and returns whatever came back. */
  attempt(sync: string, options?: OutboundRunOptions): Promise<Result<OutboundRunSummary, HubsyncError>>;
  reassociate(sync: string, options?: OutboundRunOptions): Promise<OutboundRunSummary>;
  applySchema(sync: string): Promise<{ schemaCreated: boolean; propertiesCreated: string[] }>;
  status(sync: string): Promise<OutboundStatus>;
  /** The sync's write-back, key → HubSpot id (asserts no key repeats). */
  recordIds(sync: string): Promise<Map<string, string>>;
  /** A run's audit log. */
  audit(runId: RunId): Promise<AuditEntry[]>;
  /** Private app only: points the connection at another token (another portal's, say): a new client. */
  useToken(token: string): void;
  /** OAuth only: revokes the installation's refresh token (and its access tokens). */
  disconnect(): Promise<void>;
  /** OAuth only: installs the app again and points the connection at the new grant (a new client). */
  reconnect(): Promise<void>;
}

const SCOPES = [...allScopes];

/** Progress events of a run, for tests that look at them. */
export function collectProgress(): { events: OutboundProgress[]; onProgress: (event: OutboundProgress) => void } {
  const events: OutboundProgress[] = [];
  return { events, onProgress: (event) => events.push(event) };
}

/** An audit entry mentions a row key (in its message or details). */
export function mentions(entry: AuditEntry, text: string): boolean {
  return entry.message.includes(text) || (entry.details !== null && JSON.stringify(entry.details).includes(text));
}

/** Entries at warn or error level. */
export const problems = (entries: readonly AuditEntry[]): AuditEntry[] => entries.filter((e) => e.level === "warn" || e.level === "error");

/** How a failed run was reported: the error of a failed Result, or the summary's error. */
export function failureOf(result: Result<OutboundRunSummary, HubsyncError>): { code: string; message: string } | undefined {
  if (!result.ok) return { code: result.error.code, message: result.error.message };
  if (result.value.status === "failed") return result.value.error ?? { code: "UNKNOWN", message: "(the failed run's summary has no error)" };
  return undefined;
}

/** Builds the world; everything it opens is closed (and dropped) when the test ends. */
export async function outboundHarness(t: TestContext, input: OutboundHarnessInput): Promise<OutboundHarness> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, seed: 11, ...(input.oauth === true ? { oauthAutoApprove: true } : {}), ...input.emulator });
  const clock = emulatorClock(emulator);
  const portal = emulator.parts.state.defaultPortal;
  const info = emulator.info();

  const dir = mkdtempSync(join(tmpdir(), "hubsync-outbound-"));
  let testStore: TestStore | undefined;
  let db: SourceDatabase | undefined;
  t.after(async () => {
    await db?.close();
    await testStore?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  testStore = await openTestStore(input.driver, { clock, logger: silentLogger });
  const store = testStore.store;
  db = await openSourceDatabase(testStore.target);
  const sourceDb = db;

  const env: Record<string, string> = { HUBSPOT_TOKEN: info.token, HUBSPOT_CLIENT_ID: info.clientId, HUBSPOT_CLIENT_SECRET: info.clientSecret };
  let refreshToken: string | undefined;
  if (input.oauth === true) refreshToken = (await installOAuthApp(emulator, SCOPES)).refreshToken;

  let syncs = input.syncs;
  const buildConfig = (): HubsyncConfig => {
    const auth =
      refreshToken === undefined
        ? { type: "private_app", token: "${HUBSPOT_TOKEN}" }
        : { type: "oauth", clientId: "${HUBSPOT_CLIENT_ID}", clientSecret: "${HUBSPOT_CLIENT_SECRET}", refreshToken };
    const withConnection = (specs: Record<string, SyncSpec>): Record<string, SyncSpec> =>
      Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { connection: CONNECTION, schedule: "manual", ...spec }]));
    const document: Record<string, unknown> = {
      version: 1,
      store: sourceDb.storeUrl,
      connections: { [CONNECTION]: { baseUrl: info.baseUrl, tier: input.tier ?? "professional", auth } },
      outbound: withConnection(syncs),
    };
    const parsed = parseConfig(stringify(document), env);
    if (!parsed.ok) assert.fail(`the scenario's config is invalid: ${parsed.error.message}`);
    return parsed.value;
  };

  const requests = new RequestLog();
  const logged = requests.wrap(emulator.fetch);
  const fetch = input.wrapFetch === undefined ? logged : input.wrapFetch(logged, emulator);
  const factory = () =>
    createHubSpotClientFactory({ fetch, clock, logger: silentLogger, random: () => 0.5, ...(input.clientLimits === undefined ? {} : { limits: input.clientLimits }) });
  const deps: OutboundDeps = { store, hubspotFor: factory(), clock, logger: silentLogger };

  const h: OutboundHarness = {
    driver: input.driver,
    emulator,
    portal,
    portalId: toPortalId(info.portalId),
    store,
    db: sourceDb,
    clock,
    deps,
    requests,
    config: buildConfig(),
    setSyncs(next) {
      syncs = next;
      h.config = buildConfig();
    },
    writeFile(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    jsonl(name, rows) {
      return h.writeFile(name, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
    },
    csv(name, columns, rows) {
      const field = (value: string | number | null | undefined): string => {
        if (value === null || value === undefined) return "";
        const text = String(value);
        return /[",\n\r]/.test(text) || text === "" ? `"${text.replaceAll('"', '""')}"` : text;
      };
      const lines = [columns.join(","), ...rows.map((row) => columns.map((c) => field(row[c])).join(","))];
      return h.writeFile(name, lines.join("\n") + "\n");
    },
    attempt: (sync, options = {}) => runOutboundSync(deps, h.config, sync, options),
    async run(sync, options = {}) {
      const result = await runOutboundSync(deps, h.config, sync, options);
      if (!result.ok) assert.fail(`the run of ${sync} failed: ${result.error.code}: ${result.error.message}`);
      assert.equal(result.value.status, "succeeded", `run of ${sync} ended ${result.value.status}: ${JSON.stringify(result.value.error)}`);
      return result.value;
    },
    async reassociate(sync, options = {}) {
      const result = await reassociateOutbound(deps, h.config, sync, options);
      if (!result.ok) assert.fail(`re-association of ${sync} failed: ${result.error.code}: ${result.error.message}`);
      assert.equal(result.value.status, "succeeded", `re-association of ${sync} ended ${result.value.status}: ${JSON.stringify(result.value.error)}`);
      return result.value;
    },
    async applySchema(sync) {
      const result = await applyOutboundSchema(deps, h.config, sync);
      if (!result.ok) assert.fail(`applyOutboundSchema(${sync}) failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async status(sync) {
      const result = await outboundStatus(deps, h.config, sync);
      if (!result.ok) assert.fail(`outboundStatus(${sync}) failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async recordIds(sync) {
      const ids = new Map<string, string>();
      for await (const page of outboundRecordIds(deps, sync)) {
        for (const entry of page) {
          assert.ok(!ids.has(entry.key), `write-back lists row ${entry.key} twice`);
          ids.set(entry.key, entry.hubspotId);
        }
      }
      return ids;
    },
    audit: (runId) => store.auditEntries(runId),
    useToken(token) {
      assert.ok(refreshToken === undefined, "useToken() needs a private-app harness");
      env["HUBSPOT_TOKEN"] = token;
      h.config = buildConfig();
    },
    async disconnect() {
      assert.ok(refreshToken !== undefined, "disconnect() needs an OAuth harness");
      const answer = await emulator.fetch(`${info.baseUrl}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`, { method: "DELETE" });
      assert.ok(answer.status === 204 || answer.status === 200, `revoking the refresh token answered ${answer.status}`);
    },
    async reconnect() {
      assert.ok(refreshToken !== undefined, "reconnect() needs an OAuth harness");
      refreshToken = (await installOAuthApp(emulator, SCOPES)).refreshToken;
      h.config = buildConfig();
    },
  };
  return h;
}
