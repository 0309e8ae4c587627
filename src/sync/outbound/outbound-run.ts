import type { HubsyncConfig, OutboundSyncConfig } from "../../config/index.ts";
import type { Clock } from "../../core/clock.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { PortalId, RunId } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { AuditEntryInput, Store, StoreTx } from "../../store/index.ts";
import type { InboundEngineOptions } from "../inbound/inbound-engine-options.ts";
import type { SyncLease } from "../inbound/sync-lock.ts";
import type { OutboundPhase, OutboundProgress } from "./outbound-contract.ts";
import type { RunTally } from "./run-tally.ts";

/** What every phase of one outbound run shares. */
export interface OutboundRun {
  store: Store;
  client: HubSpotClient;
  clock: Clock;
  logger: Logger;
  engine: InboundEngineOptions;
  config: HubsyncConfig;
  sync: OutboundSyncConfig;
  portal: PortalId;
  runId: RunId;
  /** Plan only: HubSpot and the outbound state are read, never written. */
  dryRun: boolean;
  /** Ignore stored hashes: every row is sent again. */
  full: boolean;
  /** Re-resolve every row's associations, not only changed rows'. */
  reassociate: boolean;
  signal: AbortSignal | undefined;
  lease: SyncLease;
  tally: RunTally;
  audit: RunAudit;
  emit(event: OutboundProgress): void;
  /** Emits a rate-limit-wait event for the time the client waited since the last call of this. */
  reportRateWaits(): void;
}

/** The signal option of client calls, present only when the run has one. */
export function callOptions(run: OutboundRun): { signal?: AbortSignal } {
  return run.signal === undefined ? {} : { signal: run.signal };
}

/** Throws SYNC_ABORTED between pages once the run's signal fired. */
export function checkAborted(run: OutboundRun): void {
  if (run.signal?.aborted === true) {
    throw new HubsyncError("SYNC_ABORTED", "The run was stopped before it finished; what it wrote is remembered, and the next run sends the rest.", { cause: run.signal.reason });
  }
}

/**
 * The run's audit entries, capped per phase (a source with 100,000 bad rows must not write
 * 100,000 lines), queued and written with the page they belong to.
 */
export class RunAudit {
  readonly #runId: RunId;
  readonly #limit: number;
  #queued: AuditEntryInput[] = [];
  readonly #written = new Map<string, number>();
  readonly #dropped = new Map<string, number>();

  constructor(runId: RunId, limit: number) {
    this.#runId = runId;
    this.#limit = limit;
  }

  /** `recordId` is the HubSpot record, when there is one; the row key goes in `details.rowKey`. */
  note(phase: OutboundPhase, entry: Omit<AuditEntryInput, "runId" | "stream">): void {
    const used = (this.#written.get(phase) ?? 0) + this.#queued.filter((e) => e.stream === phase).length;
    if (used >= this.#limit) {
      this.#dropped.set(phase, (this.#dropped.get(phase) ?? 0) + 1);
      return;
    }
    this.#queued.push({ ...entry, runId: this.#runId, stream: phase });
  }

  /** Writes what is queued, in `tx` when given. */
  async flush(store: Store, tx?: StoreTx): Promise<void> {
    const entries = this.#queued;
    if (entries.length === 0) return;
    this.#queued = [];
    try {
      await store.appendAudit(entries, tx);
    } catch (error) {
      this.#queued = [...entries, ...this.#queued];
      throw error;
    }
    for (const entry of entries) this.#written.set(entry.stream ?? "", (this.#written.get(entry.stream ?? "") ?? 0) + 1);
  }

  /** Entries about the notes left out, one per phase that dropped some. */
  overflow(): AuditEntryInput[] {
    return [...this.#dropped].map(([phase, dropped]) => ({
      runId: this.#runId,
      stream: phase,
      level: "warn",
      action: "audit_truncated",
      message: `${dropped} more per-row entries of the ${phase} phase were left out of the audit log (limit ${this.#limit} per phase and run)`,
      details: { dropped, limit: this.#limit },
    }));
  }
}
