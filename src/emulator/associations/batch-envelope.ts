import type { ErrorCategory } from "../http/api-error.ts";

/** One entry of a batch answer's `errors` (HubSpot's `StandardError`). */
export interface BatchError {
  status: "error";
  category: ErrorCategory;
  subCategory?: string;
  message: string;
  context: Record<string, string[]>;
  errors: [];
  links: Record<string, string>;
}

export function batchError(category: ErrorCategory, message: string, context: Record<string, string[]>, subCategory?: string): BatchError {
  const error: BatchError = { status: "error", category, message, context, errors: [], links: {} };
  if (subCategory !== undefined) error.subCategory = subCategory;
  return error;
}

/** A batch answer: `errors` and `numErrors` only when something failed. */
export function batchEnvelope(results: unknown[], errors: BatchError[], startedAt: number, completedAt: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    status: "COMPLETE",
    results,
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(completedAt).toISOString(),
  };
  if (errors.length > 0) {
    body["numErrors"] = errors.length;
    body["errors"] = errors;
  }
  return body;
}
