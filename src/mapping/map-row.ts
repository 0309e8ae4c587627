import { coerceValue } from "./coerce-value.ts";
import { fieldError, type FieldError } from "./field-error.ts";
import type { FieldMap } from "./field-map-schema.ts";
import type { NumberFormat } from "./number-format.ts";
import type { PropertyDefinition } from "./property-definition.ts";
import { resolveField } from "./resolve-field.ts";
import { showValue } from "./show-value.ts";

export interface MapRowOptions {
  /** How reports name the row (its matching key or primary key). */
  readonly rowKey: string;
  /** The target object's property definitions by name. */
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  readonly numberFormat?: NumberFormat | undefined;
}

/** A row as HubSpot properties. A row with any error must be reported, not written in part. */
export interface MappedRow {
  readonly properties: Record<string, string>;
  readonly errors: readonly FieldError[];
}

/**
 * Applies a field map to a source row: each field's pipeline, then coercion to the property's
 * type. Fields fail one by one, so a report names every bad field of a row at once. Empty
 * values leave the property out, or clear it (`""`) where the mapping says `clearOnNull`.
 */
export function mapRow(row: Readonly<Record<string, unknown>>, fieldMap: FieldMap, options: MapRowOptions): MappedRow {
  const properties: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [field, mapping] of Object.entries(fieldMap)) {
    const resolved = resolveField(row, field, mapping, options);
    if (!resolved.ok) {
      errors.push(resolved.error);
      continue;
    }
    const value = mapping.column === undefined ? undefined : row[mapping.column];
    const definition = options.properties.get(field);
    if (definition === undefined) {
      errors.push(fieldError({ rowKey: options.rowKey, field, column: mapping.column, value, reason: "is not a property of this object in HubSpot" }, "property"));
      continue;
    }
    const numberFormat = mapping.numberFormat ?? options.numberFormat;
    const coerced = coerceValue(resolved.value, definition, { clearOnNull: mapping.clearOnNull, numberFormat });
    if (!coerced.ok) {
      const reason = `${showValue(coerced.error.value)} ${coerced.error.reason}`;
      errors.push(fieldError({ rowKey: options.rowKey, field, column: mapping.column, value, reason }, "property"));
    } else if (coerced.value !== null) {
      properties[field] = coerced.value;
    }
  }
  return { properties, errors };
}

/** Property definitions keyed by name, as `mapRow` takes them. */
export function propertiesByName(definitions: Iterable<PropertyDefinition>): ReadonlyMap<string, PropertyDefinition> {
  return new Map([...definitions].map((definition) => [definition.name, definition]));
}
