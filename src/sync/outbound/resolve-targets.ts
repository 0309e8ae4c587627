import { hubSpotId, type HubSpotId } from "../../core/ids.ts";
import type { HubSpotClient, HubSpotRecord } from "../../hubspot/index.ts";
import { findRecords } from "./find-records.ts";
import type { AssociationPlan } from "./outbound-target.ts";
import { outboundTunables } from "./outbound-tunables.ts";

/** What an association value names in HubSpot. */
export type Resolution = { kind: "found"; ids: HubSpotId[] } | { kind: "missing" } | { kind: "ambiguous"; ids: HubSpotId[] };

/**
 * Turns association values into record ids, in batches: record ids as they are; unique keys
 * (a contact's email, a property with unique values) by batch read with `idProperty`; other
 * keys (a company's domain) by search. A value several records hold is resolved as the
 * association says: `unique` reports it, `all` takes every one, `most_recently_active` the one
 * with the latest `notes_last_updated`, then the latest modification. For a contact's email
 * the contacts holding it as a secondary email (`hs_additional_emails`) count too when the
 * association resolves among several. Answers are remembered for the run.
 */
export class TargetResolver {
  readonly #client: HubSpotClient;
  readonly #signal: AbortSignal | undefined;
  readonly #cache = new Map<string, Resolution>();
  /**
   * Look-ups under way, by cache key. They never reject: a failed one answers undefined, and
   * whoever waited on it looks the value up again itself, so the error surfaces there.
   */
  readonly #inFlight = new Map<string, Promise<Resolution | undefined>>();

  constructor(client: HubSpotClient, signal: AbortSignal | undefined) {
    this.#client = client;
    this.#signal = signal;
  }

  async resolve(plan: AssociationPlan, values: readonly string[]): Promise<Map<string, Resolution>> {
    const resolved = new Map<string, Resolution>();
    if (plan.lookup === "id") {
      for (const value of values) resolved.set(value, { kind: "found", ids: [hubSpotId(value)] });
      return resolved;
    }
    const open: string[] = [];
    const waiting: Array<{ value: string; answer: Promise<Resolution | undefined> }> = [];
    for (const value of new Set(values)) {
      const key = cacheKey(plan, value);
      const known = this.#cache.get(key);
      if (known !== undefined) resolved.set(value, known);
      else {
        const answer = this.#inFlight.get(key);
        if (answer === undefined) open.push(value);
        else waiting.push({ value, answer });
      }
    }
    const [mine, theirs] = await Promise.all([this.#lookUp(plan, open), Promise.all(waiting.map(({ answer }) => answer))]);
    for (const [value, resolution] of mine) resolved.set(value, resolution);
    const again: string[] = [];
    waiting.forEach(({ value }, at) => {
      const answer = theirs[at];
      if (answer === undefined) again.push(value);
      else resolved.set(value, answer);
    });
    // Someone else's look-up of these failed (a prefetch, say): ours throws if it fails too.
    for (const [value, resolution] of await this.#lookUp(plan, again)) resolved.set(value, resolution);
    return resolved;
  }

  /**
   * Starts resolving values ahead of need (the records phase, for targets the run does not
   * write) without waiting; `resolve` then waits for the answer or finds it remembered. A
   * failure is dropped here: the value is looked up again when it is needed.
   */
  prefetch(plan: AssociationPlan, values: readonly string[]): void {
    this.resolve(plan, values).catch(() => undefined);
  }

  /** Whether a value is answered already or being looked up. */
  has(plan: AssociationPlan, value: string): boolean {
    const key = cacheKey(plan, value);
    return plan.lookup === "id" || this.#cache.has(key) || this.#inFlight.has(key);
  }

  /** Resolves when no look-up is under way (none outlives the run). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight.values()]);
  }

  /** Looks values up in batches, telling anyone who asks for them meanwhile; remembers the answers. */
  async #lookUp(plan: AssociationPlan, values: readonly string[]): Promise<Map<string, Resolution>> {
    if (values.length === 0) return new Map();
    const modified = plan.toType.apiType === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";
    const lookup = this.#find(plan, values, modified);
    const entries = values.map((value) => {
      const answer = lookup.then(
        (found) => choose(found.get(value) ?? [], plan, modified),
        () => undefined,
      );
      const key = cacheKey(plan, value);
      this.#inFlight.set(key, answer);
      return { key, answer };
    });
    try {
      const found = await lookup;
      if (this.#cache.size > outboundTunables.resolutionCacheLimit) this.#cache.clear();
      const resolved = new Map<string, Resolution>();
      for (const value of values) {
        const resolution = choose(found.get(value) ?? [], plan, modified);
        this.#cache.set(cacheKey(plan, value), resolution);
        resolved.set(value, resolution);
      }
      return resolved;
    } finally {
      for (const { key, answer } of entries) if (this.#inFlight.get(key) === answer) this.#inFlight.delete(key);
    }
  }

  async #find(plan: AssociationPlan, values: readonly string[], modified: string): Promise<Map<string, HubSpotRecord[]>> {
    const properties = ["notes_last_updated", modified];
    const read = this.#signal === undefined ? {} : { signal: this.#signal };
    const found = await findRecords(this.#client, { type: plan.toType.apiType, property: plan.config.by, lookup: plan.lookup, properties, signal: this.#signal }, values);
    if (plan.toType.apiType === "contacts" && plan.config.by === "email" && plan.resolve !== "unique") {
      // Batch read finds one holder of an email; a secondary email may be held by others too.
      const secondary = await this.#client.searchByProperty("contacts", "hs_additional_emails", values, { ...read, properties: ["email", ...properties] });
      for (const [value, records] of secondary) {
        const list = found.get(value) ?? [];
        for (const record of records) if (!list.some((r) => r.id === record.id)) list.push(record);
        found.set(value, list);
      }
    }
    return found;
  }
}

function cacheKey(plan: AssociationPlan, value: string): string {
  return `${plan.toType.apiType}\u0000${plan.config.by}\u0000${plan.resolve}\u0000${value.trim().toLowerCase()}`;
}

function choose(records: readonly HubSpotRecord[], plan: AssociationPlan, modified: string): Resolution {
  if (records.length === 0) return { kind: "missing" };
  const ids = records.map((record) => hubSpotId(record.id));
  if (records.length === 1) return { kind: "found", ids };
  switch (plan.resolve) {
    case "all":
      return { kind: "found", ids };
    case "most_recently_active":
      return { kind: "found", ids: [hubSpotId(mostRecentlyActive(records, modified).id)] };
    case "unique":
      return { kind: "ambiguous", ids };
  }
}

/** The record with the latest activity date; among those without one (or tied), the latest modified; then the highest id. */
export function mostRecentlyActive(records: readonly HubSpotRecord[], modified: string): HubSpotRecord {
  const time = (value: string | null | undefined): number => {
    if (value === null || value === undefined || value.trim() === "") return Number.NEGATIVE_INFINITY;
    const ms = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
    return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
  };
  const sorted = [...records].sort((a, b) => {
    const activity = time(b.properties["notes_last_updated"]) - time(a.properties["notes_last_updated"]);
    if (activity !== 0 && !Number.isNaN(activity)) return activity;
    const changed = time(b.properties[modified] ?? b.updatedAt) - time(a.properties[modified] ?? a.updatedAt);
    if (changed !== 0 && !Number.isNaN(changed)) return changed;
    return b.id.length - a.id.length || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0);
  });
  const [best] = sorted;
  if (best === undefined) throw new Error("mostRecentlyActive needs at least one record");
  return best;
}
