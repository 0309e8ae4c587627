import { isEmptyValue } from "./is-empty-value.ts";

/** Applies a text change to text and to each text item of a list; other values pass unchanged. */
export function mapText(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapText(item, change));
  return value;
}

/** Text split into trimmed, non-empty items; lists and other values pass unchanged. */
export function splitText(value: unknown, separator: string): unknown {
  if (typeof value !== "string") return value;
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The fallback when the value is empty (null, blank text, an empty list). */
export function withDefault(value: unknown, fallback: unknown): unknown {
  return isEmptyValue(value) ? fallback : value;
}
