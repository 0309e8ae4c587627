import type { OutboundPlan } from "./outbound-contract.ts";
import { outboundTunables } from "./outbound-tunables.ts";

/** A run's counters as it goes: the summary's numbers, and the plan (with a few examples per kind of change). */
export class RunTally {
  rowsRead = 0;
  rowsInvalid = 0;
  /** Rows that needed a call (content changed, never synced, or failing). */
  changed = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  failed = 0;
  archived = 0;
  associationsCreated = 0;
  associationsRemoved = 0;
  listAdded = 0;
  listRemoved = 0;
  orphans = 0;
  readonly plan: OutboundPlan = {
    creates: 0,
    updates: 0,
    unchanged: 0,
    archives: 0,
    associationsToCreate: 0,
    associationsToRemove: 0,
    listAdds: 0,
    listRemoves: 0,
    samples: [],
  };
  readonly #perKind = new Map<string, number>();

  /** Keeps a concrete example of a change, a few per kind. */
  sample(change: string, detail: string, rowKey?: string, hubspotId?: string): void {
    const seen = this.#perKind.get(change) ?? 0;
    if (seen >= outboundTunables.planSamplesPerKind) return;
    this.#perKind.set(change, seen + 1);
    this.plan.samples.push({ change, detail, ...(rowKey === undefined ? {} : { rowKey }), ...(hubspotId === undefined ? {} : { hubspotId }) });
  }

  /** The counters by name, for the run's row in the store. */
  counts(): Record<string, number> {
    return {
      rowsRead: this.rowsRead,
      rowsInvalid: this.rowsInvalid,
      changed: this.changed,
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      failed: this.failed,
      archived: this.archived,
      associationsCreated: this.associationsCreated,
      associationsRemoved: this.associationsRemoved,
      listAdded: this.listAdded,
      listRemoved: this.listRemoved,
      orphans: this.orphans,
    };
  }
}
