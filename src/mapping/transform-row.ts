import type { FieldError } from "./field-error.ts";
import type { FieldMap } from "./field-map-schema.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { resolveField, type ResolveOptions } from "./resolve-field.ts";

/** A row's fields after their pipelines, for targets that are not HubSpot properties (an app's account fields). */
export interface TransformedRow {
  readonly values: Record<string, unknown>;
  readonly errors: readonly FieldError[];
}

/**
 * Applies a field map's pipelines without HubSpot coercion: the deal-stage trigger builds an
 * app's payload this way. Empty results are left out unless the field says `clearOnNull`
 * (then they are null), so the app can tell "missing" from "cleared".
 */
export function transformRow(row: Readonly<Record<string, unknown>>, fieldMap: FieldMap, options: Omit<ResolveOptions, "noun">): TransformedRow {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [field, mapping] of Object.entries(fieldMap)) {
    const resolved = resolveField(row, field, mapping, { ...options, noun: "field" });
    if (!resolved.ok) errors.push(resolved.error);
    else if (!isEmptyValue(resolved.value)) values[field] = resolved.value;
    else if (mapping.clearOnNull) values[field] = null;
  }
  return { values, errors };
}
