import type { PropertyType } from "../state/property-definition.ts";

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * A stored value or filter value as the number search compares. Dates and datetimes are
 * epoch ms, given either as digits or as ISO-8601 / `YYYY-MM-DD` (midnight UTC, as HubSpot
 * stores dates). NaN when the text is neither.
 */
export function parseSearchNumber(raw: string, type: PropertyType): number {
  if (NUMERIC.test(raw)) return Number(raw);
  if (type === "date" || type === "datetime") return Date.parse(raw.trim());
  return Number.NaN;
}

/** Property types search compares as numbers rather than as text. */
export function isNumericType(type: PropertyType): boolean {
  return type === "number" || type === "date" || type === "datetime";
}
