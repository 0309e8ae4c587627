import { ApiError } from "../http/api-error.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import { knownScopes } from "./known-scopes.ts";

/** A validated `/oauth/authorize` request: what the app asks for and where to send the user back. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  optionalScopes: string[];
  state: string | undefined;
  /** Emulator extension (`portal_id`): the portal that installs the app; HubSpot asks the user. */
  portalId: number;
}

/**
 * Reads and checks an authorize request (the query of GET, or the consent form's POST, which
 * carries the same fields). Every problem is a 400 naming the culprit, before any redirect:
 * a bad client_id or redirect_uri must never send the user anywhere.
 */
export function parseAuthorizeRequest(param: (name: string) => string | undefined, state: EmulatorState): AuthorizeRequest {
  const clientId = param("client_id") ?? "";
  if (clientId !== state.app.clientId) {
    throw new ApiError(400, "VALIDATION_ERROR", clientId === "" ? "Missing required parameter: client_id" : `Unknown client_id: ${clientId}`, {
      context: { client_id: [clientId] },
    });
  }

  const redirectUri = param("redirect_uri") ?? "";
  if (!isHttpUrl(redirectUri)) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid redirect_uri: ${redirectUri === "" ? "missing" : redirectUri} (an absolute http or https URL is required)`, {
      context: { redirect_uri: [redirectUri] },
    });
  }

  const scopes = splitScopes(param("scope"));
  if (scopes.length === 0) throw new ApiError(400, "VALIDATION_ERROR", "Missing required parameter: scope", { context: { scope: [] } });
  const optionalScopes = splitScopes(param("optional_scope") ?? param("optional_scopes")).filter((s) => !scopes.includes(s));
  const unknown = [...scopes, ...optionalScopes].filter((s) => !knownScopes.has(s));
  if (unknown.length > 0) {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, {
      context: { invalidScopes: unknown },
    });
  }

  const portalParam = param("portal_id");
  const portalId = portalParam === undefined || portalParam === "" ? state.defaultPortal.id : Number(portalParam);
  if (!state.portals.has(portalId)) {
    throw new ApiError(400, "VALIDATION_ERROR", `Unknown portal_id: ${portalParam ?? ""} (the emulator has portals ${[...state.portals.keys()].join(", ")})`, {
      context: { portal_id: [portalParam ?? ""] },
    });
  }

  const appState = param("state");
  return { clientId, redirectUri, scopes, optionalScopes, state: appState === "" ? undefined : appState, portalId };
}

/** Where the user's browser goes next: the app's redirect_uri with the outcome in the query. */
export function redirectWith(request: AuthorizeRequest, outcome: Record<string, string>): string {
  const url = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(outcome)) url.searchParams.set(name, value);
  if (request.state !== undefined) url.searchParams.set("state", request.state);
  return url.toString();
}

function splitScopes(raw: string | undefined): string[] {
  return [...new Set((raw ?? "").split(/\s+/).filter((s) => s !== ""))];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
