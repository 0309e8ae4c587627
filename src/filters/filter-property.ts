/** What a filter needs to know of a property to compare it as HubSpot does: its type and field type. */
export interface FilterPropertyInfo {
  /** HubSpot's property type: string, number, date, datetime, enumeration, bool, phone_number… */
  type: string;
  /** HubSpot's field type; `checkbox` on an enumeration means a multi-select (`;`-separated values). */
  fieldType?: string;
}

/** Property name → info; a property missing here is compared as text and never sent to search. */
export type FilterProperties = ReadonlyMap<string, FilterPropertyInfo>;

/**
 * How values of a property compare, following HubSpot's search: numbers and dates as numbers
 * (dates as epoch ms), text case-insensitively, enumeration values exactly, multi-selects as
 * sets of exact values.
 */
export type CompareKind = "number" | "text" | "enumeration" | "multi";

export function compareKindOf(info: FilterPropertyInfo | undefined): CompareKind {
  if (info === undefined) return "text";
  if (info.type === "number" || info.type === "date" || info.type === "datetime") return "number";
  if (info.type === "enumeration") return info.fieldType === "checkbox" ? "multi" : "enumeration";
  return "text";
}
