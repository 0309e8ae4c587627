import type { TransformType } from "./transform-schema.ts";

/** A field of one row that could not be mapped; the row is reported, other rows go on. */
export interface FieldError {
  readonly rowKey: string;
  /** The target: a HubSpot property or an app field. */
  readonly field: string;
  readonly column: string | undefined;
  /** The column's value as the source gave it. */
  readonly value: unknown;
  /** The transform that failed, when one did. */
  readonly transform?: TransformType | undefined;
  readonly reason: string;
  /** `row "42", property "amount" (column "mrr"): "12abc" is not a number` */
  readonly message: string;
}

export function fieldError(fields: Omit<FieldError, "message">, noun: string): FieldError {
  const column = fields.column === undefined ? "" : ` (column "${fields.column}")`;
  const step = fields.transform === undefined ? "" : `, ${fields.transform}`;
  return { ...fields, message: `row "${fields.rowKey}", ${noun} "${fields.field}"${column}${step}: ${fields.reason}` };
}
