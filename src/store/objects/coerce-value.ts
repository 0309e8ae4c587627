import { normaliseTimestamp } from "../sql/iso-timestamp.ts";
import type { ValueKind } from "./value-kind.ts";

/** A typed column's value before the driver binds it (booleans become 0/1 for SQLite later). */
export type TypedValue = string | number | boolean | null;

export type Coercion = { ok: true; value: TypedValue } | { ok: false };

const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * One HubSpot string into its column's type. Never throws: a value that is not what the type
 * promises is `{ ok: false }`, and the caller writes NULL and reports it (the raw JSON keeps it).
 * Empty strings are how HubSpot says "cleared": NULL for typed columns, kept for text.
 */
export function coerceValue(kind: ValueKind, raw: string | null | undefined): Coercion {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (kind === "text") return { ok: true, value: raw };
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  switch (kind) {
    case "double": {
      const value = Number(text);
      return decimal.test(text) && Number.isFinite(value) ? { ok: true, value } : { ok: false };
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (lower === "true" || lower === "1") return { ok: true, value: true };
      if (lower === "false" || lower === "0") return { ok: true, value: false };
      return { ok: false };
    }
    case "date": {
      // Dates arrive as YYYY-MM-DD or as epoch ms at midnight UTC.
      const iso = normaliseTimestamp(text);
      return iso === null ? { ok: false } : { ok: true, value: iso.slice(0, 10) };
    }
    case "timestamp": {
      const iso = normaliseTimestamp(text);
      return iso === null ? { ok: false } : { ok: true, value: iso };
    }
  }
}
