import { randomUUID } from "node:crypto";

/** The engine's tunables, with the values a production mirror wants as defaults. */
export interface InboundEngineOptions {
  /**
   * How far behind the newest change an incremental cursor stays, and how far back a
   * client-side incremental read re-checks records. Larger than HubSpot's search index lag
   * (seconds) and plausible clock skew, so a change that search did not show yet is read by
   * the next run (pitfall 1).
   */
  overlapMs: number;
  /** How long a run's lock lasts without renewal: a run whose process died frees its sync after this. */
  leaseMs: number;
  /** Per-record audit entries a stream writes per run; past it, one entry says how many more there were. */
  auditRecordLimit: number;
  /** Lock owner ids. */
  newId: () => string;
}

export const defaultInboundEngineOptions: InboundEngineOptions = {
  overlapMs: 5 * 60_000,
  leaseMs: 10 * 60_000,
  auditRecordLimit: 1_000,
  newId: randomUUID,
};

export function resolveEngineOptions(input: Partial<InboundEngineOptions> = {}): InboundEngineOptions {
  return { ...defaultInboundEngineOptions, ...input };
}
