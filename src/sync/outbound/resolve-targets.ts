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
    const cacheKey = (value: string): string => `${plan.toType.apiType}\u0000${plan.config.by}\u0000${plan.resolve}\u0000${value.trim().toLowerCase()}`;
    const open: string[] = [];
    for (const value of new Set(values)) {
      const known = this.#cache.get(cacheKey(value));
      if (known === undefined) open.push(value);
      else resolved.set(value, known);
    }
    if (open.length === 0) return resolved;
    const modified = plan.toType.apiType === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";
    const properties = ["notes_last_updated", modified];
    const read = this.#signal === undefined ? {} : { signal: this.#signal };
    const found = await findRecords(this.#client, { type: plan.toType.apiType, property: plan.config.by, lookup: plan.lookup, properties, signal: this.#signal }, open);
    if (plan.toType.apiType === "contacts" && plan.config.by === "email" && plan.resolve !== "unique") {
      // Batch read finds one holder of an email; a secondary email may be held by others too.
      const secondary = await this.#client.searchByProperty("contacts", "hs_additional_emails", open, { ...read, properties: ["email", ...properties] });
      for (const [value, records] of secondary) {
        const list = found.get(value) ?? [];
        for (const record of records) if (!list.some((r) => r.id === record.id)) list.push(record);
        found.set(value, list);
      }
    }
    if (this.#cache.size > outboundTunables.resolutionCacheLimit) this.#cache.clear();
    for (const value of open) {
      const resolution = choose(found.get(value) ?? [], plan, modified);
      this.#cache.set(cacheKey(value), resolution);
      resolved.set(value, resolution);
    }
    return resolved;
  }
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
