import { z } from "zod";
import { hubspotBillingFrequencies, periodsPerYear } from "./billing-frequency.ts";
import { dateInputPresets, dateOutputPresets, parseDateInput, parseDateOutput, type DateInput, type DateOutput } from "./date-format-spec.ts";

/** A column of the source row (any name the database allows). */
export const columnNameSchema = z.string().min(1).describe("A column of the source row.");

const scalarSchema = z.union([z.string(), z.number(), z.boolean()], { error: "expected a text, number or true/false value; got {got}" });

const trimSchema = z.strictObject({ type: z.literal("trim") }).describe("Removes spaces at both ends (of each item of a list).");
const lowercaseSchema = z.strictObject({ type: z.literal("lowercase") }).describe("Lower-cases text (each item of a list).");
const uppercaseSchema = z.strictObject({ type: z.literal("uppercase") }).describe("Upper-cases text (each item of a list).");

const constantSchema = z
  .strictObject({ type: z.literal("constant"), value: z.union([scalarSchema, z.null()]).describe("The value every row gets (null clears).") })
  .describe("Replaces the value with a fixed one.");

const defaultSchema = z
  .strictObject({ type: z.literal("default"), value: scalarSchema.describe("The value used when the source is empty.") })
  .describe("Uses a value when the source is empty (null, blank text or an empty list).");

const mapValuesSchema = z
  .strictObject({
    type: z.literal("map_values"),
    values: z.record(z.string(), z.union([scalarSchema, z.null()])).describe("Lookup table: source value → value sent."),
    ignoreCase: z.boolean().default(true).describe("Match source values to the table's keys ignoring case (default true)."),
    otherwise: z
      .enum(["keep", "empty", "fail"])
      .default("keep")
      .describe("A value not in the table: keep it (default), make it empty, or fail the row."),
  })
  .describe("Replaces values through a lookup table (each item of a list).");

const splitSchema = z
  .strictObject({ type: z.literal("split"), separator: z.string().min(1).default(",").describe('The separator (default ",").') })
  .describe("Splits text into a list of trimmed, non-empty items.");

const concatPartSchema = z.union(
  [
    z.strictObject({ column: columnNameSchema }),
    z.strictObject({ literal: z.string().describe("Fixed text.") }),
  ],
  { error: "expected { column: <name> } or { literal: <text> }; got {got}" },
);

const concatSchema = z
  .strictObject({
    type: z.literal("concat"),
    parts: z.array(concatPartSchema).min(1).describe("Columns and fixed texts, in order; text is trimmed and empty parts are skipped."),
    separator: z.string().default(" ").describe('Put between the non-empty parts (default " ").'),
  })
  .describe("Joins columns and fixed texts into one text (replaces the value).");

const dateInputSchema = z
  .string()
  .min(1)
  .transform((text, ctx): DateInput => {
    const parsed = parseDateInput(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: parsed.error, input: text });
    return z.NEVER;
  })
  .describe(`How the source writes dates: ${dateInputPresets.join(", ")}, or a pattern such as DD/MM/YYYY or MM/DD/YYYY HH:mm (read as UTC).`);

const dateOutputSchema = z
  .string()
  .min(1)
  .default("datetime")
  .transform((text, ctx): DateOutput => {
    const parsed = parseDateOutput(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: parsed.error, input: text });
    return z.NEVER;
  })
  .describe(`What to write: ${dateOutputPresets.join(", ")} (ISO-8601 UTC, the default), or a pattern such as YYYY-MM-DD.`);

const dateFormatSchema = z
  .strictObject({ type: z.literal("date_format"), input: dateInputSchema, output: dateOutputSchema })
  .describe("Reads a date in the source's format and writes it as HubSpot takes it, in UTC.");

const annualizeSchema = z
  .strictObject({
    type: z.literal("annualize"),
    period: z.string().min(1).optional().describe(`The billing period of every row: ${hubspotBillingFrequencies.join(", ")} (or weekly, monthly, semiannual, yearly …).`),
    periodColumn: columnNameSchema.optional().describe("The column holding each row's billing period (such as a deal's recurringbillingfrequency)."),
    factors: z.record(z.string(), z.number().positive()).default({}).describe("More billing periods: name → periods per year (e.g. { per_eight_weeks: 6.5 })."),
    missingPeriod: z
      .enum(["fail", "keep"])
      .default("fail")
      .describe("A row without a billing period: fail it (default) or keep the amount as it is (a one-off amount)."),
  })
  .superRefine((transform, ctx) => {
    if ((transform.period === undefined) === (transform.periodColumn === undefined)) {
      ctx.addIssue({ code: "custom", message: "needs exactly one of period (a fixed billing period) or periodColumn (a column holding it)", input: transform });
    } else if (transform.period !== undefined && periodsPerYear(transform.period, transform.factors) === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["period"],
        message: `"${transform.period}" is not a billing period (expected one of ${hubspotBillingFrequencies.join(", ")}, or one named under factors)`,
        input: transform.period,
      });
    }
  })
  .describe("Multiplies an amount by the periods per year of its billing period (monthly × 12, quarterly × 4 …).");

const transformObjectSchema = z.discriminatedUnion("type", [
  trimSchema,
  lowercaseSchema,
  uppercaseSchema,
  constantSchema,
  defaultSchema,
  mapValuesSchema,
  splitSchema,
  concatSchema,
  dateFormatSchema,
  annualizeSchema,
]);

/** Transforms that take no settings may be named alone (`transforms: [trim, lowercase]`). */
export const bareTransformNames = ["trim", "lowercase", "uppercase", "split"] as const;

/** One transform in a field's pipeline: a bare name, or a map with `type` and its settings. */
export const transformSchema = z
  .union([z.enum(bareTransformNames), transformObjectSchema], {
    error: `expected a transform: ${bareTransformNames.join(", ")}, or a map with type (constant, default, map_values, concat, date_format, annualize …); got {got}`,
  })
  .transform((transform): Transform => {
    if (transform === "split") return { type: "split", separator: "," };
    return typeof transform === "string" ? { type: transform } : transform;
  })
  .meta({ id: "Transform", description: "A step of a field's transform pipeline." });

export type Transform = z.output<typeof transformObjectSchema>;
export type TransformType = Transform["type"];
