import type { HubsyncConfig } from "../../config/index.ts";
import type { HubsyncError } from "../../core/hubsync-error.ts";
import type { RunId } from "../../core/ids.ts";
import type { Result } from "../../core/result.ts";
import type { RunStatus } from "../../store/index.ts";
import type { InboundDeps } from "../inbound/inbound-contract.ts";

/**
 * The outbound engine's public contract: what the CLI, the server and the scenario tests call.
 * The engine in this folder implements it and exports it from `src/sync/index.ts`.
 */

/** The same injected parts as inbound: store, a client per connection, clock, logger. */
export type OutboundDeps = InboundDeps;

export interface OutboundRunOptions {
  signal?: AbortSignal;
  onProgress?: (event: OutboundProgress) => void;
  /** Plan only: read the source and HubSpot, write nothing (also `dryRun: true` in config). */
  dryRun?: boolean;
  /** Ignore stored row hashes: send every row again. */
  full?: boolean;
}

export type OutboundPhase = "schema" | "records" | "associations" | "list" | "archive";

export type OutboundProgress =
  | { kind: "run-started"; runId: RunId; sync: string; dryRun: boolean }
  | { kind: "phase-started"; phase: OutboundPhase }
  | { kind: "rows-read"; rows: number; changed: number; invalid: number }
  | { kind: "batch"; phase: OutboundPhase; sent: number; succeeded: number; failed: number }
  | { kind: "rate-limit-wait"; ms: number }
  | { kind: "run-finished"; summary: OutboundRunSummary };

/** What a run would do (dry run) or did. */
export interface OutboundPlan {
  creates: number;
  updates: number;
  unchanged: number;
  archives: number;
  associationsToCreate: number;
  associationsToRemove: number;
  listAdds: number;
  listRemoves: number;
  /** A few concrete examples per kind of change, for people reading a dry run. */
  samples: Array<{ change: string; rowKey?: string; hubspotId?: string; detail: string }>;
}

export interface OutboundRunSummary {
  runId: RunId;
  sync: string;
  status: RunStatus;
  dryRun: boolean;
  startedAt: number;
  finishedAt: number;
  rowsRead: number;
  /** Rows rejected before any call (mapping/coercion errors, bad association values). */
  rowsInvalid: number;
  created: number;
  updated: number;
  /** Rows whose content hash had not changed: no call made. */
  unchanged: number;
  /** Rows HubSpot refused (each in the audit log with HubSpot's message). */
  failed: number;
  archived: number;
  associationsCreated: number;
  associationsRemoved: number;
  listAdded: number;
  listRemoved: number;
  /** Rows written without an association target that does not exist yet (remembered for later). */
  orphans: number;
  apiCalls: number;
  writeCalls: number;
  plan: OutboundPlan;
  error?: { code: string; message: string; fix?: string };
}

export interface OutboundStatus {
  sync: string;
  /** Rows this sync knows (ever seen), with a HubSpot id, failing now, orphaned now. */
  rows: number;
  synced: number;
  failing: number;
  orphans: number;
  lastRun?: { runId: RunId; status: RunStatus; finishedAt?: number };
}

/** One row's write-back: which HubSpot record it became. */
export interface OutboundRecordId {
  key: string;
  hubspotId: string;
  syncedAt: string;
}

export type RunOutboundSync = (
  deps: OutboundDeps,
  config: HubsyncConfig,
  sync: string,
  options?: OutboundRunOptions,
) => Promise<Result<OutboundRunSummary, HubsyncError>>;

/** Re-resolves every row's associations (orphans first) without re-sending unchanged records. */
export type ReassociateOutbound = RunOutboundSync;

/** Creates the sync's declared custom-object schema and missing properties; idempotent. */
export type ApplyOutboundSchema = (
  deps: OutboundDeps,
  config: HubsyncConfig,
  sync: string,
) => Promise<Result<{ schemaCreated: boolean; propertiesCreated: string[] }, HubsyncError>>;

export type OutboundStatusOf = (deps: OutboundDeps, config: HubsyncConfig, sync: string) => Promise<Result<OutboundStatus, HubsyncError>>;

/** Streams the sync's row → HubSpot id map (write-back), page by page. */
export type OutboundRecordIds = (deps: OutboundDeps, sync: string) => AsyncIterable<OutboundRecordId[]>;
