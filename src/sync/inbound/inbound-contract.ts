import type { ConnectionConfig, HubsyncConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { RunId } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { Result } from "../../core/result.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { RunStatus, Store } from "../../store/index.ts";
import type { InboundEngineOptions } from "./inbound-engine-options.ts";

/**
 * The inbound engine's public contract: what the CLI, the server and the scenario tests
 * call. The engine (`run-inbound-sync.ts`, `inbound-status.ts`) implements it.
 */

/** Everything a run needs from outside, injected (tests pass the emulator's fetch and clock). */
export interface InboundDeps {
  store: Store;
  /** Builds (or returns the cached) client for a configured connection. */
  hubspotFor: (connection: ConnectionConfig) => HubSpotClient;
  clock: Clock;
  logger: Logger;
  /** The engine's own tunables (overlap window, lock lease…); HubSpot's limits live in the client. */
  engine?: Partial<InboundEngineOptions>;
}

export interface InboundRunOptions {
  signal?: AbortSignal;
  onProgress?: (event: InboundProgress) => void;
  /** Only these streams (names as in hubsync.yaml); all when absent. */
  streams?: string[];
  /** Ignore cursors: full refresh of every stream this time. */
  full?: boolean;
}

export type InboundProgress =
  | { kind: "run-started"; runId: RunId; sync: string; streams: string[] }
  | { kind: "stream-started"; stream: string; strategy: string; expectedTotal?: number; pass?: StreamPass }
  | { kind: "page"; stream: string; fetched: number; written: number; fetchedSoFar: number }
  | { kind: "rate-limit-wait"; stream: string; ms: number }
  | { kind: "stream-finished"; stream: string; summary: StreamSummary }
  | { kind: "run-finished"; summary: InboundRunSummary };

/**
 * What a stream's run did: a full refresh (every record, then a sweep), an incremental
 * stream's first backfill, an incremental search, or a client-side incremental read (every
 * record read, changed ones written). Owners, pipelines and lists are always read whole and
 * written when changed: `client_incremental`.
 */
export type StreamPass = "full_refresh" | "backfill" | "incremental" | "client_incremental";

export interface StreamSummary {
  stream: string;
  strategy: string;
  /** What this run did for the stream (absent when it failed before deciding). */
  pass?: StreamPass;
  /** Records read from HubSpot (including re-reads in the overlap window). */
  fetched: number;
  /** Rows inserted or changed in the store (unchanged re-reads are not written). */
  written: number;
  /** Rows newly marked deleted (archived in HubSpot, or gone at a full refresh's sweep). */
  deleted: number;
  /** Rows newly marked merged into a survivor. */
  merged: number;
  /** Association rows inserted or removed. */
  associationsChanged: number;
  /** Columns added for properties new since the last run. */
  columnsAdded: number;
  /** Per-record problems (bad values, coercion warnings); the run goes on. */
  warnings: number;
  errors: number;
}

export interface InboundRunSummary {
  runId: RunId;
  sync: string;
  status: RunStatus;
  startedAt: number;
  finishedAt: number;
  streams: StreamSummary[];
  /** Calls to HubSpot made by this run, from the client's statistics. */
  apiCalls: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  /** The failure that stopped the run, when it did not succeed. */
  error?: { code: string; message: string; fix?: string };
}

export interface StreamStatus {
  stream: string;
  strategy: string;
  /** HubSpot's count (a 1-result search's `total`, or a list count); absent when it cannot be had cheaply. */
  hubspotTotal?: number;
  /** Live rows in the store (not deleted, not merged). */
  localRows: number;
  deletedRows: number;
  lastRun?: { runId: RunId; status: RunStatus; finishedAt?: number };
  /** The stream's cursor as stored, for people: e.g. `{ modifiedAt, id }` or the full-refresh position. */
  cursor?: unknown;
}

export interface InboundStatus {
  sync: string;
  streams: StreamStatus[];
}

/** Runs one configured inbound sync once. Expected failures come back as values. */
export type RunInboundSync = (
  deps: InboundDeps,
  config: HubsyncConfig,
  sync: string,
  options?: InboundRunOptions,
) => Promise<Result<InboundRunSummary, HubsyncError>>;

/** Per-stream status of a sync: HubSpot vs local counts, last run, cursor. */
export type InboundStatusOf = (
  deps: InboundDeps,
  config: HubsyncConfig,
  sync: string,
) => Promise<Result<InboundStatus, HubsyncError>>;
