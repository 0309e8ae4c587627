/**
 * A source value that carries nothing: null, undefined, blank text, or a list of only those
 * (SQL `array_agg` over a LEFT JOIN with no match gives `[null]`).
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isEmptyValue);
  return false;
}
