import type { TokenFailure } from "./token-exchange.ts";

/** The RFC 6749 error code HubSpot pairs with each of its token-endpoint statuses. */
function oauthErrorCode(failure: TokenFailure): "invalid_client" | "invalid_grant" | "unsupported_grant_type" {
  switch (failure) {
    case "BAD_CLIENT_ID":
    case "BAD_CLIENT_SECRET":
      return "invalid_client";
    case "BAD_AUTH_CODE":
    case "BAD_REDIRECT_URI":
    case "BAD_REFRESH_TOKEN":
      return "invalid_grant";
    case "BAD_GRANT_TYPE":
      return "unsupported_grant_type";
    default: {
      const exhaustive: never = failure;
      return exhaustive;
    }
  }
}

/**
 * The token endpoint's 400 body: OAuth's `error`/`error_description` alongside HubSpot's own
 * `status`/`message`, e.g. `{"status":"BAD_REFRESH_TOKEN","error":"invalid_grant",...}`.
 */
export function oauthErrorBody(failure: TokenFailure, description: string, correlationId: string): Record<string, string> {
  return { status: failure, message: description, correlationId, error: oauthErrorCode(failure), error_description: description };
}
