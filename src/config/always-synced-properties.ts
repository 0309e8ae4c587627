import type { StandardObjectType } from "./standard-objects.ts";

/**
 * Properties every stream of an object reads whatever `properties:` says: identity, the
 * timestamps the sync's cursors and audit need, and the fields a mirror is useless without.
 * A property list in hubsync.yaml gets these added; they cannot be deselected.
 */
export const alwaysSyncedProperties = {
  contacts: ["hs_object_id", "createdate", "lastmodifieddate", "email", "firstname", "lastname", "phone"],
  companies: ["hs_object_id", "createdate", "hs_lastmodifieddate", "name", "domain"],
  deals: ["hs_object_id", "createdate", "hs_lastmodifieddate", "dealname", "amount", "dealstage", "pipeline", "closedate"],
  tickets: ["hs_object_id", "createdate", "hs_lastmodifieddate", "subject", "hs_pipeline", "hs_pipeline_stage"],
  products: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  line_items: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  quotes: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  calls: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  emails: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  meetings: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  notes: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  tasks: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
  /** Any custom object (`p_gift`, `gift`, `2-123`). */
  custom: ["hs_object_id", "createdate", "hs_lastmodifieddate"],
} as const satisfies Record<StandardObjectType | "custom", readonly string[]>;

/** The always-synced properties of a standard object type or, for any other name, a custom object. */
export function alwaysSyncedFor(objectType: string): readonly string[] {
  const table: Readonly<Record<string, readonly string[]>> = alwaysSyncedProperties;
  const found = objectType !== "custom" && Object.hasOwn(table, objectType) ? table[objectType] : undefined;
  return found ?? alwaysSyncedProperties.custom;
}
