const longest = 80;

/**
 * A source value as an error message shows it: text quoted (and shortened), numbers as
 * written, dates in ISO-8601, lists and maps as short JSON. Never throws, whatever it is given.
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(shorten(value));
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  if (Array.isArray(value) || isPlainObject(value)) return shorten(jsonText(value));
  return `a ${typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value}`;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? "nothing";
  } catch {
    return Array.isArray(value) ? "a list" : "a map";
  }
}

function shorten(text: string): string {
  return text.length > longest ? `${text.slice(0, longest - 1)}…` : text;
}

/** An object literal or JSON-parsed object (not a Date, Buffer, Map …). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
