import { targetValues } from "./desired-associations.ts";
import type { AssociationPlan, OutboundTarget } from "./outbound-target.ts";
import { outboundTunables } from "./outbound-tunables.ts";
import type { PendingRow } from "./pending-row.ts";
import type { TargetResolver } from "./resolve-targets.ts";

/**
 * Looks association targets up while the records phase writes, so the associations phase
 * finds them answered: search has its own budget (5 a second), apart from the burst budget
 * the writes draw on, and waiting for it after the last write costs seconds. Only targets of
 * another object type than the sync's: one of its own may be created by this very run, so it
 * is resolved after the records phase, as before. New values wait until `size` of them fill
 * whole look-ups (no more calls than resolving chunk by chunk would take); `flush` sends the
 * rest. Nothing is awaited and a failure is dropped: the associations phase looks again.
 */
export class TargetPrefetch {
  readonly #resolver: TargetResolver;
  readonly #plans: readonly AssociationPlan[];
  readonly #size: number;
  readonly #waiting = new Map<AssociationPlan, Set<string>>();

  constructor(resolver: TargetResolver, target: OutboundTarget, size: number = outboundTunables.prefetchValues) {
    this.#resolver = resolver;
    this.#plans = target.associations.filter((plan) => plan.derived === undefined && plan.lookup !== "id" && plan.toType.apiType !== target.type.apiType);
    this.#size = Math.max(1, size);
  }

  /** Rows whose associations the run will write. */
  add(rows: readonly PendingRow[]): void {
    if (rows.length === 0) return;
    for (const plan of this.#plans) {
      const waiting = this.#waiting.get(plan) ?? new Set<string>();
      this.#waiting.set(plan, waiting);
      for (const value of targetValues(plan, rows)) if (value.trim() !== "" && !this.#resolver.has(plan, value)) waiting.add(value);
      while (waiting.size >= this.#size) {
        const batch = [...waiting].slice(0, this.#size);
        for (const value of batch) waiting.delete(value);
        this.#resolver.prefetch(plan, batch);
      }
    }
  }

  /** Starts looking up what is still waiting. */
  flush(): void {
    for (const [plan, waiting] of this.#waiting) {
      if (waiting.size > 0) this.#resolver.prefetch(plan, [...waiting]);
      waiting.clear();
    }
  }
}
