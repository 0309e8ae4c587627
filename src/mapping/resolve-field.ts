import { err, type Result } from "../core/result.ts";
import { applyTransforms } from "./apply-transforms.ts";
import { fieldError, type FieldError } from "./field-error.ts";
import type { FieldMapping } from "./field-map-schema.ts";
import { defaultNumberFormat, type NumberFormat } from "./number-format.ts";

export interface ResolveOptions {
  readonly rowKey: string;
  /** The sync's number format; a field's own `numberFormat` wins. */
  readonly numberFormat?: NumberFormat | undefined;
  /** How errors name the target: `property` for HubSpot, `field` for an app. */
  readonly noun?: string | undefined;
}

/** A field's value from a row: the column's value through the transform pipeline, before any type coercion. */
export function resolveField(row: Readonly<Record<string, unknown>>, field: string, mapping: FieldMapping, options: ResolveOptions): Result<unknown, FieldError> {
  const { column } = mapping;
  const noun = options.noun ?? "property";
  let value: unknown;
  if (column !== undefined) {
    if (!Object.hasOwn(row, column)) {
      return err(fieldError({ rowKey: options.rowKey, field, column, value: undefined, reason: `the row has no column "${column}"` }, noun));
    }
    value = row[column];
  }
  const numberFormat = mapping.numberFormat ?? options.numberFormat ?? defaultNumberFormat;
  const result = applyTransforms(mapping.transforms, value, { row, numberFormat });
  if (result.ok) return result;
  return err(fieldError({ rowKey: options.rowKey, field, column, value, transform: result.error.type, reason: result.error.reason }, noun));
}
