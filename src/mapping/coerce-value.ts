import { err, ok, type Result } from "../core/result.ts";
import { coerceBool } from "./coerce-bool.ts";
import { coerceDate, coerceDateTime } from "./coerce-date.ts";
import { coerceEnumeration } from "./coerce-enumeration.ts";
import { coerceNumber } from "./coerce-number.ts";
import { coerceText } from "./coerce-text.ts";
import { coercionFailure, type CoercionFailure } from "./coercion-failure.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { defaultNumberFormat, type NumberFormat } from "./number-format.ts";
import type { PropertyDefinition } from "./property-definition.ts";

export interface CoercionOptions {
  /** An empty source value clears the property (`""`); otherwise the property is left out. */
  readonly clearOnNull?: boolean | undefined;
  /** How number text is read; default `.` decimals and no thousands separator. */
  readonly numberFormat?: NumberFormat | undefined;
}

/**
 * `value` is the property's value as HubSpot takes it; `""` clears the property (HubSpot's way
 * of unsetting a value); `null` means leave the property out of the write.
 */
export type Coercion = Result<string | null, CoercionFailure>;

/**
 * A source value (text, number, boolean, Date, bigint, list, null) as the string HubSpot takes
 * for the property's type, or a failure naming the property, the value and the reason.
 */
export function coerceValue(value: unknown, property: PropertyDefinition, options: CoercionOptions = {}): Coercion {
  const empty = options.clearOnNull === true ? "" : null;
  if (isEmptyValue(value)) return ok(empty);
  const coerced = byType(value, property, options.numberFormat ?? defaultNumberFormat);
  if (!coerced.ok) return err(coercionFailure(property.name, value, coerced.error));
  // A multi-select given only separators (";;") carries nothing either.
  return ok(coerced.value === "" ? empty : coerced.value);
}

function byType(value: unknown, property: PropertyDefinition, numberFormat: NumberFormat): Result<string, string> {
  switch (property.type) {
    case "number":
      return coerceNumber(value, numberFormat);
    case "bool":
      return coerceBool(value);
    case "date":
      return coerceDate(value);
    case "datetime":
      return coerceDateTime(value);
    case "enumeration":
      return coerceEnumeration(value, property);
    default:
      // string, phone_number, and types HubSpot may add later: kept as text.
      return coerceText(value);
  }
}
