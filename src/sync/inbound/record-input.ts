import type { HubSpotRecord } from "../../hubspot/index.ts";
import type { ObjectRecordInput, PropertyHistoryInput } from "../../store/index.ts";

/** A record read from HubSpot, as the store takes it: HubSpot's current state of a live record. */
export function recordInput(record: HubSpotRecord): ObjectRecordInput {
  return { id: record.id, properties: record.properties, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: false };
}

/** The history entries of `properties` a record carries (propertiesWithHistory). */
export function historyEntries(record: HubSpotRecord, properties: readonly string[]): PropertyHistoryInput[] {
  const history = record.propertiesWithHistory;
  if (history === undefined) return [];
  return properties.flatMap((property) =>
    (history[property] ?? []).map((entry) => ({
      objectId: record.id,
      property,
      value: entry.value,
      timestamp: entry.timestamp,
      sourceType: entry.sourceType,
      sourceId: entry.sourceId ?? null,
      updatedByUserId: entry.updatedByUserId ?? null,
    })),
  );
}

/** Ids HubSpot merged into this record (`hs_merged_object_ids`, `;`-separated), itself excluded. */
export function mergedLosers(record: HubSpotRecord): string[] {
  const raw = record.properties["hs_merged_object_ids"];
  if (raw === undefined || raw === null || raw === "") return [];
  return [...new Set(raw.split(";").map((id) => id.trim()))].filter((id) => id !== "" && id !== record.id);
}

/** A HubSpot timestamp (ISO-8601 or epoch ms text) as epoch ms; NaN when unreadable. */
export function epochMs(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return Number.NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** When a record last changed: its modified-date property, else `updatedAt`. */
export function modifiedAtOf(record: HubSpotRecord, modifiedProperty: string): number {
  const fromProperty = epochMs(record.properties[modifiedProperty]);
  return Number.isNaN(fromProperty) ? epochMs(record.updatedAt) : fromProperty;
}
