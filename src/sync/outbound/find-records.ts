import { hubSpotId, type HubSpotId } from "../../core/ids.ts";
import type { HubSpotClient, HubSpotRecord } from "../../hubspot/index.ts";

/** How to look records up by a property's values. */
export interface FindSpec {
  type: string;
  /** `hs_object_id` (record ids), a unique property (batch read), or any other (search). */
  property: string;
  lookup: "id" | "unique" | "search";
  /** Properties to return besides the looked-up one. */
  properties?: readonly string[];
  signal?: AbortSignal | undefined;
}

/**
 * The records each value names, in as few calls as HubSpot allows: record ids and unique
 * properties by batch read (100 a call, no index lag; a contact's email also finds the contact
 * holding it as a secondary email), other properties by search (500 values a query). Keyed
 * by the value as given; a value nothing holds maps to [].
 */
export async function findRecords(client: HubSpotClient, spec: FindSpec, values: readonly string[]): Promise<Map<string, HubSpotRecord[]>> {
  const found = new Map<string, HubSpotRecord[]>(values.map((value) => [value, []]));
  const wanted = [...new Set(values.filter((value) => value.trim() !== ""))];
  if (wanted.length === 0) return found;
  const read = spec.signal === undefined ? {} : { signal: spec.signal };
  if (spec.lookup === "search") {
    const matches = await client.searchByProperty(spec.type, spec.property, wanted, { ...read, properties: [...(spec.properties ?? [])] });
    for (const [value, records] of matches) found.set(value, records);
    return found;
  }
  const byLower = new Map<string, string[]>();
  for (const value of wanted) byLower.set(value.trim().toLowerCase(), [...(byLower.get(value.trim().toLowerCase()) ?? []), value]);
  const secondary = spec.type === "contacts" && spec.property === "email";
  const properties = [...new Set([...(spec.lookup === "unique" ? [spec.property] : ["hs_merged_object_ids"]), ...(secondary ? ["hs_additional_emails"] : []), ...(spec.properties ?? [])])];
  const options = spec.lookup === "unique" ? { ...read, idProperty: spec.property, properties } : { ...read, properties };
  for await (const page of client.batchRead(spec.type, wanted.map((value) => value.trim()), options)) {
    for (const record of page.results) {
      const keys = new Set<string>();
      if (spec.lookup === "id") {
        keys.add(record.id);
        // A merged-away id answers with the survivor, whose hs_merged_object_ids lists it.
        for (const old of record.properties["hs_merged_object_ids"]?.split(";") ?? []) if (old !== "") keys.add(old);
      } else {
        const held = record.properties[spec.property];
        if (held !== null && held !== undefined) keys.add(held.trim().toLowerCase());
        if (secondary) for (const email of record.properties["hs_additional_emails"]?.split(";") ?? []) if (email.trim() !== "") keys.add(email.trim().toLowerCase());
      }
      for (const key of keys) {
        for (const value of byLower.get(key) ?? []) {
          const list = found.get(value) ?? [];
          if (!list.some((r) => r.id === record.id)) list.push(record);
          found.set(value, list);
        }
      }
    }
  }
  return found;
}

/** The ids of the records found for each value. */
export function idsOf(found: ReadonlyMap<string, HubSpotRecord[]>): Map<string, HubSpotId[]> {
  return new Map([...found].map(([value, records]) => [value, records.map((record) => hubSpotId(record.id))]));
}
