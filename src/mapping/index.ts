/**
 * Pure field mapping for writes to HubSpot and app payloads: source values coerced to HubSpot's
 * property types, transform pipelines declared as data, field maps applied to rows, content
 * hashes of rows, and association targets read from a column. No I/O.
 */
export { coerceValue, type Coercion, type CoercionOptions } from "./coerce-value.ts";
export type { CoercionFailure } from "./coercion-failure.ts";
export { isMultiSelect, propertyTypes, type PropertyDefinition, type PropertyOption, type PropertyType } from "./property-definition.ts";
export { defaultNumberFormat, numberFormatSchema, type NumberFormat } from "./number-format.ts";
export { bareTransformNames, columnNameSchema, transformSchema, type Transform, type TransformType } from "./transform-schema.ts";
export { applyTransform, applyTransforms, type TransformFailure } from "./apply-transforms.ts";
export type { TransformContext } from "./transform-context.ts";
export { hubspotBillingFrequencies, periodsPerYear, type Rational } from "./billing-frequency.ts";
export { fieldMapSchema, fieldMappingSchema, type FieldMap, type FieldMapping } from "./field-map-schema.ts";
export type { FieldError } from "./field-error.ts";
export { mapRow, propertiesByName, type MappedRow, type MapRowOptions } from "./map-row.ts";
export { transformRow, type TransformedRow } from "./transform-row.ts";
export { resolveField, type ResolveOptions } from "./resolve-field.ts";
export { checkFieldMap, type FieldMapIssue } from "./check-field-map.ts";
export { rowHash, type RowContent } from "./row-hash.ts";
export { canonicalJson, type JsonValue } from "./canonical-json.ts";
export type { AssociationValue } from "./association-value.ts";
export { parseAssociationValues, type AssociationSource, type AssociationValueError } from "./parse-association-values.ts";
export { isEmptyValue } from "./is-empty-value.ts";
