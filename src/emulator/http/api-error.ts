/** HubSpot's error categories, as they appear in the `category` field of error bodies. */
export type ErrorCategory =
  | "VALIDATION_ERROR"
  | "OBJECT_NOT_FOUND"
  | "MISSING_SCOPES"
  | "INVALID_AUTHENTICATION"
  | "EXPIRED_AUTHENTICATION"
  | "CONFLICT"
  | "RATE_LIMITS"
  | "LOCKED"
  | "BAD_REQUEST"
  | "INTERNAL_ERROR"
  | "SERVICE_UNAVAILABLE";

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

export interface ApiErrorInit {
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  /** Extra top-level fields some errors carry (rate-limit policy names, OAuth fields). */
  extra?: Record<string, unknown>;
}

/**
 * An expected HubSpot error raised inside a route. Thrown, and turned into HubSpot's JSON
 * error body by the app's error handler (the edge), so handlers read straight through.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly category: ErrorCategory;
  readonly init: ApiErrorInit;

  constructor(status: number, category: ErrorCategory, message: string, init: ApiErrorInit = {}) {
    super(message);
    this.status = status;
    this.category = category;
    this.init = init;
  }
}

export const notFound = (message = "resource not found"): ApiError =>
  new ApiError(404, "OBJECT_NOT_FOUND", message);

export const badRequest = (message: string, init: ApiErrorInit = {}): ApiError =>
  new ApiError(400, "VALIDATION_ERROR", message, init);
