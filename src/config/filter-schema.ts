import { z } from "zod";
import { filterOperators, isListOperator, isValueOperator } from "./filter-operators.ts";
import type { FilterConfig } from "./hubsync-config.ts";
import { propertyNameSchema } from "./property-name-schema.ts";

const filterValueSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: "expected a text, number or true/false value; got {got}",
});

/** One `filters:` item. Which of `value` / `values` it needs depends on the operator. */
export const filterSchema = z
  .strictObject({
    property: propertyNameSchema.describe("The property the condition is on; must be selected by `properties`."),
    operator: z.enum(filterOperators).describe("How the property is compared."),
    value: filterValueSchema.optional().describe("The value compared with (every operator except in, not_in, is_empty, is_not_empty)."),
    values: z.array(filterValueSchema).min(1).optional().describe("The values for `in` / `not_in`."),
  })
  .describe("A condition on one property; a stream's filters are combined with AND.")
  .transform((filter, ctx): FilterConfig => {
    const { property, operator, value, values } = filter;
    const problem = (key: "value" | "values", message: string): never => {
      ctx.issues.push({ code: "custom", message, input: filter, path: [key] });
      return z.NEVER;
    };
    if (isValueOperator(operator)) {
      if (values !== undefined) return problem("values", `not allowed with operator ${operator}, which compares with one \`value\``);
      if (value === undefined) return problem("value", `missing (operator ${operator} compares the property with a value)`);
      return { property, operator, value };
    }
    if (isListOperator(operator)) {
      if (value !== undefined) return problem("value", `not allowed with operator ${operator}, which takes a list in \`values\``);
      if (values === undefined) return problem("values", `missing (operator ${operator} takes a list of values)`);
      return { property, operator, values };
    }
    if (value !== undefined) return problem("value", `not allowed with operator ${operator}, which takes no value`);
    if (values !== undefined) return problem("values", `not allowed with operator ${operator}, which takes no value`);
    return { property, operator };
  });
