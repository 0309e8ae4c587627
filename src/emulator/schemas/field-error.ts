import { ApiError } from "../http/api-error.ts";

/**
 * A 400 VALIDATION_ERROR that names the offending field, both in the message and in
 * `errors[].in`, so a client can tell its user exactly what to fix.
 */
export function fieldError(field: string, message: string, code = "INVALID_VALUE"): ApiError {
  return new ApiError(400, "VALIDATION_ERROR", message, {
    errors: [{ message, code, in: field }],
  });
}

/** HubSpot's deserializer answer when required attributes of a request model are absent. */
export function missingFields(model: string, fields: string[]): ApiError {
  const message = `Invalid input JSON: Cannot build ${model}, some of required attributes are not set [${fields.join(", ")}]`;
  return new ApiError(400, "VALIDATION_ERROR", message, {
    errors: fields.map((field) => ({ message: `${field} is required`, code: "REQUIRED_FIELD", in: field })),
  });
}
