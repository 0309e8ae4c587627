import type { ApiError, ErrorDetail } from "../http/api-error.ts";

/** One entry of a batch answer's `errors` (the SDK's StandardError). */
export interface StandardError {
  status: "error";
  category: string;
  subCategory?: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
}

/** A refused batch input as an `errors[]` entry; with a trace id, the entry names it so the caller can match it. */
export function standardError(error: ApiError, traceId?: string): StandardError {
  const context: Record<string, string[]> = { ...error.init.context };
  if (traceId !== undefined) context["objectWriteTraceId"] = [traceId];
  const entry: StandardError = { status: "error", category: error.category, message: error.message, context, errors: error.init.errors ?? [], links: {} };
  if (error.init.subCategory !== undefined) entry.subCategory = error.init.subCategory;
  return entry;
}
