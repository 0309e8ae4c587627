import { z } from "zod";
import { numberFormatSchema, type NumberFormat } from "./number-format.ts";
import { columnNameSchema, transformSchema, type Transform } from "./transform-schema.ts";

/** How one HubSpot property gets its value from a source row. */
export interface FieldMapping {
  /** The source column; absent when the pipeline makes the value (constant, concat). */
  readonly column?: string | undefined;
  readonly transforms: readonly Transform[];
  /** An empty value clears the property in HubSpot; otherwise the property is left untouched. */
  readonly clearOnNull: boolean;
  /** Overrides the sync's number format for this field. */
  readonly numberFormat?: NumberFormat | undefined;
}

/** Target property → how its value is made. */
export type FieldMap = Readonly<Record<string, FieldMapping>>;

// The same rule as the config's property names; kept here so config may import mapping without a cycle.
const targetNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "expected a property's internal name (letters, digits, _), not its label; got {got}");

const mappingObjectSchema = z
  .strictObject({
    column: columnNameSchema.optional(),
    transforms: z.array(transformSchema).default([]).describe("Applied in order to the column's value."),
    clearOnNull: z.boolean().default(false).describe("An empty value clears the property in HubSpot (default: the property is left as it is)."),
    numberFormat: numberFormatSchema.optional(),
  })
  .refine((mapping) => mapping.column !== undefined || mapping.transforms.length > 0, {
    error: "needs a column, or transforms that make the value (constant, concat)",
  });

/** One `fields:` entry: a column name, or a map with column, transforms, clearOnNull, numberFormat. */
export const fieldMappingSchema = z
  .union([columnNameSchema, mappingObjectSchema], {
    error: "expected a column name or a map with column and transforms; got {got}",
  })
  .transform((mapping): FieldMapping => (typeof mapping === "string" ? { column: mapping, transforms: [], clearOnNull: false } : mapping))
  .meta({ id: "FieldMapping", description: "Where a property's value comes from: a column, or a column and transforms." });

/** `fields:` — HubSpot property (internal name) → its source. */
export const fieldMapSchema = z
  .record(targetNameSchema, fieldMappingSchema)
  .describe("HubSpot property (internal name) → source column, or { column, transforms, clearOnNull, numberFormat }.");
