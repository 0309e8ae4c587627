import type { FilterPropertyInfo } from "./filter-property.ts";

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * A value of a number, date or datetime property as the number search compares: dates are
 * epoch ms, written as digits or as ISO-8601 / `YYYY-MM-DD` (midnight UTC). NaN when neither.
 */
export function filterNumber(raw: string, info: FilterPropertyInfo | undefined): number {
  if (NUMERIC.test(raw)) return Number(raw);
  if (info?.type === "date" || info?.type === "datetime") return Date.parse(raw.trim());
  return Number.NaN;
}
