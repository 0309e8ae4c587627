import type { NumberFormat } from "./number-format.ts";

/** What a transform may look at besides the value: the whole row (for columns it names) and how numbers are written. */
export interface TransformContext {
  readonly row: Readonly<Record<string, unknown>>;
  readonly numberFormat: NumberFormat;
}

/** The value of a column a transform names; a missing column is an error, not silently empty. */
export function columnValue(context: TransformContext, column: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (Object.hasOwn(context.row, column)) return { ok: true, value: context.row[column] };
  return { ok: false, error: `the row has no column "${column}"` };
}
