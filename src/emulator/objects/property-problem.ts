import { ApiError } from "../http/api-error.ts";

/** HubSpot's codes for a property value it refuses (the `error` of a validation result). */
export type PropertyErrorCode =
  | "PROPERTY_DOESNT_EXIST"
  | "READ_ONLY_VALUE"
  | "INVALID_INTEGER"
  | "INVALID_DECIMAL"
  | "INVALID_DATE"
  | "INVALID_DATETIME"
  | "INVALID_OPTION"
  | "INVALID_EMAIL"
  | "REQUIRED_PROPERTY";

/** One refused property value. */
export interface PropertyProblem {
  name: string;
  error: PropertyErrorCode;
  message: string;
}

/**
 * HubSpot's 400 for refused values: the validation results are JSON inside the message
 * (clients parse it out, so it must be exact JSON) and repeated as structured `errors`.
 */
export function propertyValuesError(problems: readonly PropertyProblem[], portalId: number): ApiError {
  const results = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
    portalId,
  }));
  return new ApiError(400, "VALIDATION_ERROR", `Property values were not valid: ${JSON.stringify(results)}`, {
    errors: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  });
}
