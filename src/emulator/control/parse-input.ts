import type { z } from "zod";
import { ApiError, type ErrorDetail } from "../http/api-error.ts";

/**
 * Validates control-plane input, failing with a 400 whose message names each offending field
 * (`` `schedule.every`: Too small: expected number to be >=1 ``).
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: ErrorDetail[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return { message: field === "" ? issue.message : `\`${field}\`: ${issue.message}`, code: issue.code.toUpperCase(), in: field === "" ? "body" : field };
  });
  throw new ApiError(400, "VALIDATION_ERROR", `Invalid input: ${errors.map((e) => e.message).join("; ")}`, { errors });
}
