import type { ApiError } from "./api-error.ts";

/** HubSpot's standard error body. Every error answer, whatever the route, has this shape. */
export function errorBody(error: ApiError, correlationId: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    status: "error",
    message: error.message,
    correlationId,
    category: error.category,
  };
  if (error.init.subCategory !== undefined) body["subCategory"] = error.init.subCategory;
  if (error.init.errors !== undefined) body["errors"] = error.init.errors;
  if (error.init.context !== undefined) body["context"] = error.init.context;
  return { ...body, ...error.init.extra };
}
