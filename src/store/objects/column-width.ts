import type { ValueKind } from "./value-kind.ts";

/**
 * The most bytes one value of a kind can keep inside a PostgreSQL row. PostgreSQL caps a row at
 * about 8 KB; TOAST moves long text out but leaves a pointer (~18 bytes) or a short value
 * (up to ~24 bytes) behind, and fixed-width values (with their alignment padding) never move.
 * So a table's typed columns are budgeted by these widths, not only counted.
 */
const worstCaseInlineBytes: Record<ValueKind, number> = {
  text: 24,
  double: 16,
  timestamp: 16,
  date: 8,
  boolean: 1,
};

export function worstCaseWidth(kind: ValueKind): number {
  return worstCaseInlineBytes[kind];
}

/**
 * Bytes of a PostgreSQL row the typed columns may use: 8,160 less the tuple header, the null
 * bitmap of ~1,600 columns, the fixed columns and a margin.
 */
export const postgresTypedRowBudget = 6_000;
