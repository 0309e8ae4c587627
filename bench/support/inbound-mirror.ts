/**
 * One hubsync inbound run as the benchmarks drive it: a hubsync.yaml parsed by `parseConfig`,
 * the engine's own client factory on an injected fetch and clock, and a store.
 */
import { parseConfig, type HubsyncConfig } from "../../src/config/index.ts";
import { systemClock, type Clock } from "../../src/core/clock.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { FetchLike, HubSpotLimitsInput } from "../../src/hubspot/index.ts";
import type { Store } from "../../src/store/index.ts";
import { createHubSpotClientFactory, runInboundSync, type InboundRunOptions, type InboundRunSummary } from "../../src/sync/index.ts";

export const BENCH_SYNC = "bench";

export interface MirrorStream {
  /** A standard object stream: `contacts`, `companies`, `deals`... */
  name: string;
  associations?: readonly string[];
}

export interface MirrorConfigInput {
  baseUrl: string;
  token: string;
  strategy: "full_refresh" | "incremental";
  streams: readonly MirrorStream[];
}

/** A sync named `bench` on a Professional private app: the given streams, every property. */
export function mirrorConfig(input: MirrorConfigInput): HubsyncConfig {
  const streams = input.streams
    .map((stream) => `      ${stream.name}:
        strategy: ${input.strategy}
        properties: all
        associations: [${(stream.associations ?? []).join(", ")}]
`)
    .join("");
  const text = `version: 1
store: "sqlite::memory:"
connections:
  emulator:
    baseUrl: ${input.baseUrl}
    tier: professional
    auth: { type: private_app, token: "\${BENCH_TOKEN}" }
inbound:
  ${BENCH_SYNC}:
    connection: emulator
    schedule: manual
    streams:
${streams}`;
  const parsed = parseConfig(text, { BENCH_TOKEN: input.token });
  if (!parsed.ok) throw new Error(`bench config rejected: ${parsed.error.message}`);
  return parsed.value;
}

/**
 * Limits for runs that measure hubsync's own speed: no budget to pace against. Used with
 * `withoutRateLimitHeaders`, since the emulator still sends its headers when its limits are
 * off and the client would otherwise pace itself by them.
 */
export const unpacedLimits: HubSpotLimitsInput = {
  burst: { starter: 1e9, professional: 1e9, enterprise: 1e9, oauth: 1e9 },
  search: { perWindow: 1e9 },
};

/** A fetch whose answers carry no `X-HubSpot-RateLimit-*` headers. */
export function withoutRateLimitHeaders(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers();
    for (const [name, value] of response.headers) if (!name.startsWith("x-hubspot-ratelimit-")) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

export interface MirrorRun {
  summary: InboundRunSummary;
  /** Wall time of `runInboundSync`, measured here with `performance.now()`. */
  ms: number;
}

export interface RunMirrorInput {
  store: Store;
  fetch: FetchLike;
  config: HubsyncConfig;
  clock?: Clock;
  limits?: HubSpotLimitsInput;
  options?: InboundRunOptions;
}

/** Runs the `bench` sync once; a run that does not succeed throws, so no figure hides a failure. */
export async function runMirror(input: RunMirrorInput): Promise<MirrorRun> {
  const clock = input.clock ?? systemClock;
  const hubspotFor = createHubSpotClientFactory({ fetch: input.fetch, clock, ...(input.limits === undefined ? {} : { limits: input.limits }) });
  const began = performance.now();
  const result = await runInboundSync({ store: input.store, hubspotFor, clock, logger: silentLogger }, input.config, BENCH_SYNC, input.options ?? {});
  const ms = performance.now() - began;
  if (!result.ok) throw new Error(`inbound run failed: ${result.error.code}: ${result.error.message}`);
  if (result.value.status !== "succeeded") throw new Error(`inbound run ended ${result.value.status}: ${JSON.stringify(result.value.error ?? result.value.streams)}`);
  return { summary: result.value, ms };
}

/** Totals over a run's streams. */
export function streamTotals(summary: InboundRunSummary): { fetched: number; written: number; deleted: number; merged: number; associationsChanged: number; columnsAdded: number; warnings: number; errors: number } {
  const totals = { fetched: 0, written: 0, deleted: 0, merged: 0, associationsChanged: 0, columnsAdded: 0, warnings: 0, errors: 0 };
  for (const stream of summary.streams) {
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += stream[key];
  }
  return totals;
}
