/** HubSpot's standard CRM objects, named as HubSpot's v3 API names them (and as streams are keyed). */
export const standardObjectTypes = [
  "contacts",
  "companies",
  "deals",
  "tickets",
  "products",
  "line_items",
  "quotes",
  "calls",
  "emails",
  "meetings",
  "notes",
  "tasks",
] as const;

export type StandardObjectType = (typeof standardObjectTypes)[number];

export function isStandardObjectType(name: string): name is StandardObjectType {
  return (standardObjectTypes as readonly string[]).includes(name);
}

/**
 * The property HubSpot stamps on every change: contacts kept the legacy name, every other
 * object (custom ones too) uses `hs_lastmodifieddate`. Incremental cursors are built on it.
 */
export function modifiedDateProperty(objectType: string): "lastmodifieddate" | "hs_lastmodifieddate" {
  return objectType === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";
}
