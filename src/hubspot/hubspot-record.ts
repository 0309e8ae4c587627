import { z } from "zod";
import { hubSpotId, type HubSpotId } from "../core/ids.ts";

/** One past value of a property, newest first in `propertiesWithHistory`. */
export interface PropertyHistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** A v3 association as a list or read embeds it (`associations=companies`). */
export interface EmbeddedAssociation {
  id: HubSpotId;
  type: string;
}

/** A CRM record as HubSpot's v3 API returns it. Every property value is a string (or null). */
export interface HubSpotRecord {
  id: HubSpotId;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, PropertyHistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** By associated type name (plural, as asked); HubSpot pages these, so prefer `readAssociations`. */
  associations?: Record<string, EmbeddedAssociation[]>;
}

/** HubSpot documents ids as strings but some endpoints send numbers: both become strings. */
export const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((id) => hubSpotId(id));

const historyEntrySchema = z.object({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.string().exactOptional(),
  updatedByUserId: z.number().exactOptional(),
});

export const hubspotRecordSchema = z
  .object({
    id: idSchema,
    properties: z.record(z.string(), z.string().nullable()),
    propertiesWithHistory: z.record(z.string(), z.array(historyEntrySchema)).exactOptional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    // Search results have carried no `archived` at times; archived records never appear in search.
    archived: z.boolean().default(false),
    archivedAt: z.string().exactOptional(),
    associations: z.record(z.string(), z.object({ results: z.array(z.object({ id: idSchema, type: z.string() })) })).exactOptional(),
  })
  .transform((raw): HubSpotRecord => {
    const record: HubSpotRecord = { id: raw.id, properties: raw.properties, createdAt: raw.createdAt, updatedAt: raw.updatedAt, archived: raw.archived };
    if (raw.propertiesWithHistory !== undefined) record.propertiesWithHistory = raw.propertiesWithHistory;
    if (raw.archivedAt !== undefined) record.archivedAt = raw.archivedAt;
    if (raw.associations !== undefined) {
      record.associations = Object.fromEntries(Object.entries(raw.associations).map(([type, group]) => [type, group.results]));
    }
    return record;
  });

/** `paging.next.after`, the only thing a reader needs to know whether another page exists. */
export const pagingSchema = z
  .object({ next: z.object({ after: z.string() }).optional() })
  .optional();

/** The `after` of the next page, or undefined on the last one: never guessed from a short page. */
export function nextAfter(paging: z.infer<typeof pagingSchema>): string | undefined {
  const after = paging?.next?.after;
  return after === undefined || after === "" ? undefined : after;
}
