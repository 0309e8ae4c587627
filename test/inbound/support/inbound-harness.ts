import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import { parseConfig, type HubsyncConfig } from "../../../src/config/index.ts";
import type { Clock } from "../../../src/core/clock.ts";
import type { HubsyncError } from "../../../src/core/hubsync-error.ts";
import { portalId as toPortalId, type PortalId } from "../../../src/core/ids.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import type { Result } from "../../../src/core/result.ts";
import { createEmulator, type CreateEmulatorInput, type Emulator, type FetchLike } from "../../../src/emulator/index.ts";
import type { Portal } from "../../../src/emulator/state/portal.ts";
import type { HubSpotLimitsInput } from "../../../src/hubspot/index.ts";
import { emulatorClock } from "../../../src/hubspot/test-support/emulator-clock.ts";
import { installOAuthApp } from "../../../src/hubspot/test-support/oauth-install.ts";
import type { Store } from "../../../src/store/index.ts";
import { createHubSpotClientFactory, runInboundSync } from "../../../src/sync/index.ts";
import type { InboundDeps, InboundRunOptions, InboundRunSummary, StreamSummary } from "../../../src/sync/inbound/inbound-contract.ts";
import { assertSameAssociations, assertSameLiveRows } from "./mirror-compare.ts";
import { RequestLog } from "./request-log.ts";
import { openTestStore, type Driver, type TestStore } from "./test-store.ts";

/** The sync every scenario runs. */
export const SYNC = "mirror";

export interface HarnessInput {
  driver: Driver;
  /** The sync's `streams:` map as YAML, e.g. `contacts: { strategy: incremental, associations: [companies] }`. */
  streams: string;
  /** Emulator options; the harness defaults to rate limits off and no index lag. */
  emulator?: CreateEmulatorInput;
  /** The engine's client limits (shrunk to meet boundaries cheaply). */
  clientLimits?: HubSpotLimitsInput;
  /** Connect through an OAuth installation holding these scopes instead of a private app. */
  oauthScopes?: readonly string[];
  tier?: "starter" | "professional" | "enterprise";
  /** The engine's tunables (overlap window…); its defaults when absent. */
  engine?: InboundDeps["engine"];
  /** Wraps the fetch the engine uses (after the request log), e.g. to move time per request. */
  wrapFetch?: (fetch: FetchLike, emulator: Emulator) => FetchLike;
}

/** One scenario's world: an emulator, a store on one driver, the engine's deps and a config. */
export interface InboundHarness {
  driver: Driver;
  emulator: Emulator;
  /** The emulator's default portal, for setting the scene and reading the truth. */
  portal: Portal;
  /** The portal's id as the store keys rows. */
  portalId: PortalId;
  store: Store;
  config: HubsyncConfig;
  /** The emulator's clock (frozen; the engine's sleeps move it forward). */
  clock: Clock;
  deps: InboundDeps;
  /** Every request the engine sent. */
  requests: RequestLog;
  /** Runs the sync; asserts it succeeded with no stream errors, and returns its summary. */
  run(options?: InboundRunOptions): Promise<InboundRunSummary>;
  /** Runs the sync and returns whatever came back. */
  attempt(options?: InboundRunOptions): Promise<Result<InboundRunSummary, HubsyncError>>;
  /** Opens another store of the same driver (cleaned up with the harness). */
  openStore(): Promise<Store>;
  /**
   * Mirrors the emulator as it is now into a fresh store with a full refresh, and asserts the
   * harness's store holds the same live rows (and associations) id for id.
   */
  assertEqualsFullRefresh(types: readonly string[], associations?: ReadonlyArray<readonly [string, string]>): Promise<void>;
}

/** The stream's summary in a run's summary. */
export function streamOf(summary: InboundRunSummary, stream: string): StreamSummary {
  const found = summary.streams.find((s) => s.stream === stream);
  assert.ok(found !== undefined, `no summary for stream ${stream} in ${JSON.stringify(summary.streams.map((s) => s.stream))}`);
  return found;
}

export function configYaml(streams: string, auth: "private_app" | "oauth", tier: string, baseUrl: string): string {
  const authYaml =
    auth === "oauth"
      ? `{ type: oauth, clientId: "\${HUBSPOT_CLIENT_ID}", clientSecret: "\${HUBSPOT_CLIENT_SECRET}", refreshToken: "\${HUBSPOT_REFRESH_TOKEN}" }`
      : `{ type: private_app, token: "\${HUBSPOT_TOKEN}" }`;
  return `version: 1
store: "sqlite::memory:"
connections:
  emulator:
    baseUrl: ${baseUrl}
    tier: ${tier}
    auth: ${authYaml}
inbound:
  ${SYNC}:
    connection: emulator
    schedule: manual
    streams:
${streams.replace(/^/gm, "      ")}
`;
}

/** Builds the world; everything it opens is closed (and dropped) when the test ends. */
export async function inboundHarness(t: TestContext, input: HarnessInput): Promise<InboundHarness> {
  const emulator = createEmulator({ rateLimits: false, indexLagMs: 0, seed: 7, ...input.emulator });
  const clock = emulatorClock(emulator);
  const portal = emulator.parts.state.defaultPortal;
  const info = emulator.info();
  const env: Record<string, string> = { HUBSPOT_TOKEN: info.token };
  if (input.oauthScopes !== undefined) {
    const { refreshToken } = await installOAuthApp(emulator, [...input.oauthScopes]);
    Object.assign(env, { HUBSPOT_CLIENT_ID: info.clientId, HUBSPOT_CLIENT_SECRET: info.clientSecret, HUBSPOT_REFRESH_TOKEN: refreshToken });
  }
  const parsed = parseConfig(configYaml(input.streams, input.oauthScopes === undefined ? "private_app" : "oauth", input.tier ?? "professional", info.baseUrl), env);
  if (!parsed.ok) assert.fail(`the scenario's config is invalid: ${parsed.error.message}`);
  const config = parsed.value;

  const opened: TestStore[] = [];
  t.after(async () => {
    for (const s of opened.reverse()) await s.dispose();
  });
  const openStore = async (): Promise<Store> => {
    const s = await openTestStore(input.driver, { clock, logger: silentLogger });
    opened.push(s);
    return s.store;
  };
  const store = await openStore();

  const requests = new RequestLog();
  const logged = requests.wrap(emulator.fetch);
  const fetch = input.wrapFetch === undefined ? logged : input.wrapFetch(logged, emulator);
  const depsFor = (target: Store): InboundDeps => ({
    store: target,
    hubspotFor: createHubSpotClientFactory({ fetch, clock, logger: silentLogger, random: () => 0.5, ...(input.clientLimits === undefined ? {} : { limits: input.clientLimits }) }),
    clock,
    logger: silentLogger,
    ...(input.engine === undefined ? {} : { engine: input.engine }),
  });
  const deps = depsFor(store);

  const attemptWith = async (d: InboundDeps, options: InboundRunOptions): Promise<Result<InboundRunSummary, HubsyncError>> => runInboundSync(d, config, SYNC, options);
  const runWith = async (d: InboundDeps, options: InboundRunOptions): Promise<InboundRunSummary> => {
    const result = await attemptWith(d, options);
    if (!result.ok) assert.fail(`the run failed: ${result.error.code}: ${result.error.message}`);
    const summary = result.value;
    assert.equal(summary.status, "succeeded", `run status ${summary.status}: ${JSON.stringify(summary.error)}`);
    const failing = summary.streams.filter((s) => s.errors > 0);
    assert.deepEqual(failing.map((s) => `${s.stream}: ${s.errors} errors`), [], "no stream may report errors");
    return summary;
  };

  return {
    driver: input.driver,
    emulator,
    portal,
    portalId: toPortalId(info.portalId),
    store,
    config,
    clock,
    deps,
    requests,
    run: (options = {}) => runWith(deps, options),
    attempt: (options = {}) => attemptWith(deps, options),
    openStore,
    async assertEqualsFullRefresh(types, associations = []) {
      const fresh = await openStore();
      await runWith(depsFor(fresh), { full: true });
      for (const type of types) await assertSameLiveRows(store, fresh, toPortalId(info.portalId), type);
      for (const [from, to] of associations) await assertSameAssociations(store, fresh, toPortalId(info.portalId), from, to);
    },
  };
}
