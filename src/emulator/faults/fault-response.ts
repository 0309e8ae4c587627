import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, type ErrorCategory } from "../http/api-error.ts";
import { errorBody } from "../http/error-body.ts";
import { markNetworkFault } from "../http/network-fault.ts";
import { rateLimitBody } from "../limits/rate-limit-body.ts";
import { hubspotRateLimits } from "../limits/rate-limit-table.ts";
import type { FaultKind } from "./fault-kind.ts";
import { faultHeader } from "./injected-fault-header.ts";

type StatusFault = Exclude<FaultKind, "timeout" | "reset" | "lost-response">;

const statusFaults: Record<Exclude<StatusFault, "429">, { category: ErrorCategory; message: string }> = {
  "423": { category: "LOCKED", message: "The records this request writes are locked by another request in progress. Retry after a short wait." },
  "500": { category: "INTERNAL_ERROR", message: "internal error" },
  "502": { category: "SERVICE_UNAVAILABLE", message: "Bad Gateway: the upstream service did not answer correctly." },
  "503": { category: "SERVICE_UNAVAILABLE", message: "Service Unavailable: HubSpot is temporarily unable to handle this request." },
  "504": { category: "SERVICE_UNAVAILABLE", message: "Gateway Timeout: the upstream service did not answer in time." },
};

/** The answer a fault gives a request, marked so statistics can tell it was injected. */
export function faultResponse(c: Context<EmulatorEnv>, kind: Exclude<FaultKind, "lost-response">): Response {
  if (kind === "timeout" || kind === "reset") return markedNetworkFault(kind, kind);
  if (kind === "429") return rateLimitResponse(c);
  const { category, message } = statusFaults[kind];
  const status = Number(kind) as ContentfulStatusCode;
  return c.json(errorBody(new ApiError(status, category, message), c.get("correlationId")), status, { [faultHeader]: kind });
}

/** A connection dropped or left unanswered; `injected` names the fault that caused it. */
export function markedNetworkFault(fault: "reset" | "timeout", injected: FaultKind): Response {
  const response = markNetworkFault(fault);
  response.headers.set(faultHeader, injected);
  return response;
}

/**
 * HubSpot's burst-limit 429, word for word (the SDK retries only when `policyName` says
 * TEN_SECONDLY_ROLLING), with the window headers a genuine one carries. The caller is looked
 * up from its token, if any, to name the group as the rate limiter does.
 */
function rateLimitResponse(c: Context<EmulatorEnv>): Response {
  const state = c.get("state");
  const token = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim();
  const grant = token === undefined ? undefined : state.tokens.get(token);
  const oauth = grant?.kind === "oauth";
  const groupName = grant === undefined ? "publicapi" : `publicapi:${oauth ? "oauth" : "private-app"}:${grant.appId}:${grant.portalId}`;
  const headers: Record<string, string> = { [faultHeader]: "429" };
  if (!/\/search\/?$/.test(c.req.path)) {
    const tier = (grant === undefined ? undefined : state.portals.get(grant.portalId)?.tier) ?? state.options.tier;
    headers["X-HubSpot-RateLimit-Max"] = String(oauth ? hubspotRateLimits.oauthApp.burst : hubspotRateLimits.privateApp[tier].burst);
    headers["X-HubSpot-RateLimit-Remaining"] = "0";
    headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = String(hubspotRateLimits.burstWindowMs);
  }
  return c.json(rateLimitBody("TEN_SECONDLY_ROLLING", c.get("correlationId"), groupName), 429, headers);
}
