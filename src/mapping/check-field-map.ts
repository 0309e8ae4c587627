import type { FieldMap, FieldMapping } from "./field-map-schema.ts";
import type { PropertyDefinition } from "./property-definition.ts";

/** A problem with a field map found before any row is read: every row would fail the same way. */
export interface FieldMapIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * Checks a field map against the target's property definitions (and the source's columns,
 * when known): unknown or read-only properties, missing columns, date_format writing a format
 * a date property cannot take. Reported once, instead of once per row.
 */
export function checkFieldMap(fieldMap: FieldMap, properties: ReadonlyMap<string, PropertyDefinition>, columns?: readonly string[]): FieldMapIssue[] {
  const issues: FieldMapIssue[] = [];
  const known = columns === undefined ? undefined : new Set(columns);
  for (const [field, mapping] of Object.entries(fieldMap)) {
    const issue = (message: string): void => void issues.push({ field, message: `property "${field}": ${message}` });
    const property = properties.get(field);
    if (property === undefined) issue(`does not exist on this object in HubSpot${suggestion(field, properties)}`);
    else if (property.calculated === true || property.modificationMetadata?.readOnlyValue === true) {
      issue("is read-only in HubSpot (calculated or set by HubSpot); remove it from the field map");
    }
    for (const column of columnsOf(mapping)) {
      if (known !== undefined && !known.has(column)) issue(`column "${column}" is not in the source (its columns: ${[...known].join(", ")})`);
    }
    const last = [...mapping.transforms].reverse().find((transform) => transform.type === "date_format");
    if (property !== undefined && last?.type === "date_format" && last.output.kind === "pattern" && (property.type === "date" || property.type === "datetime")) {
      issue(`is a ${property.type}, and date_format writes ${last.output.text}, which HubSpot does not take (use output: ${property.type})`);
    }
  }
  return issues;
}

function columnsOf(mapping: FieldMapping): string[] {
  const columns = mapping.column === undefined ? [] : [mapping.column];
  for (const transform of mapping.transforms) {
    if (transform.type === "concat") columns.push(...transform.parts.flatMap((part) => ("column" in part ? [part.column] : [])));
    if (transform.type === "annualize" && transform.periodColumn !== undefined) columns.push(transform.periodColumn);
  }
  return columns;
}

function suggestion(field: string, properties: ReadonlyMap<string, PropertyDefinition>): string {
  const lower = field.toLowerCase();
  const byCase = [...properties.keys()].find((name) => name.toLowerCase() === lower);
  if (byCase !== undefined) return ` (did you mean ${byCase}?)`;
  return "";
}
