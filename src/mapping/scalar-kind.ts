/** Why a list or map cannot go into a property that takes one value; undefined for scalars. */
export function notAScalar(value: unknown): string | undefined {
  if (Array.isArray(value)) return "is a list, and this property takes one value (map it to a multi-select property, or join it with a concat transform)";
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return "is a map, and this property takes one value";
  return undefined;
}
