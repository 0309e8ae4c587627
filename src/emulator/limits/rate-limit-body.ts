/** HubSpot's rate-limit policies, as named in the `policyName` of a 429 body. */
export type RateLimitPolicy = "TEN_SECONDLY_ROLLING" | "SECONDLY" | "DAILY";

/**
 * HubSpot's 429 body for a policy, word for word: the SDK's retry logic matches
 * `policyName` and the secondly message exactly. Only the burst body names its group.
 */
export function rateLimitBody(policy: RateLimitPolicy, correlationId: string, groupName = ""): Record<string, string> {
  switch (policy) {
    case "TEN_SECONDLY_ROLLING":
      return {
        status: "error",
        message: "You have reached your ten_secondly_rolling limit.",
        errorType: "RATE_LIMIT",
        correlationId,
        policyName: "TEN_SECONDLY_ROLLING",
        groupName,
      };
    case "SECONDLY":
      return { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId, policyName: "SECONDLY" };
    case "DAILY":
      return { status: "error", message: "You have reached your daily limit.", errorType: "RATE_LIMIT", correlationId, policyName: "DAILY" };
    default: {
      const exhaustive: never = policy;
      return exhaustive;
    }
  }
}
