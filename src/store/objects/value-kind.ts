import type { SqlColumnKind } from "../sql-flavor.ts";

/** The column kinds a HubSpot property can land in. */
export type ValueKind = Extract<SqlColumnKind, "text" | "double" | "boolean" | "date" | "timestamp">;

/**
 * HubSpot property type → column kind. Every HubSpot value arrives as a string; types HubSpot
 * adds later (or we do not know) stay text, which accepts anything.
 */
export function valueKindOf(hubspotType: string): ValueKind {
  switch (hubspotType) {
    case "number":
      return "double";
    case "bool":
      return "boolean";
    case "date":
      return "date";
    case "datetime":
      return "timestamp";
    default:
      return "text";
  }
}
