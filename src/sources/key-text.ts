/** A key value as text, or why it cannot identify a row. */
export type KeyText = { ok: true; key: string } | { ok: false; problem: string };

/**
 * The row's identity from its key column: text as written (not trimmed: `a` and `a ` are
 * different keys to every database), numbers in their shortest form. Blank text, null and
 * structured values identify nothing.
 */
export function keyText(values: Readonly<Record<string, unknown>>, column: string): KeyText {
  if (!Object.hasOwn(values, column)) return { ok: false, problem: `it has no ${JSON.stringify(column)} (the key column)` };
  const value = values[column];
  const empty = { ok: false, problem: `its key column ${JSON.stringify(column)} is empty` } as const;
  if (typeof value === "string") return value.trim() === "" ? empty : { ok: true, key: value };
  if (typeof value === "number") return Number.isFinite(value) ? { ok: true, key: String(value) } : empty;
  if (typeof value === "bigint") return { ok: true, key: String(value) };
  if (value === null || value === undefined) return empty;
  const kind = Array.isArray(value) ? "a list" : typeof value === "object" ? "a map" : `a ${typeof value}`;
  return { ok: false, problem: `its key column ${JSON.stringify(column)} holds ${kind}, not text or a number` };
}
