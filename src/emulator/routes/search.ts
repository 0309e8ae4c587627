import type { Context, Hono } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { readJsonObject } from "../http/json-body.ts";
import type { EmulatorParts } from "../parts.ts";
import { parseSearchRequest } from "../search/search-request.ts";

/** `POST /crm/v3/objects/{type}/search`: filters, free-text query, one sort, offset paging, from the lagging index. */
export function searchRoutes(app: Hono<EmulatorEnv>, parts: EmulatorParts): void {
  const search = async (c: Context<EmulatorEnv>): Promise<Response> => {
    const portal = c.get("portal");
    const type = portal.resolveType(c.req.param("objectType") ?? "");
    requireScope(c, type.readScopes);
    const request = parseSearchRequest(await readJsonObject(c), c.get("state").options.limits);
    return c.json(parts.search.search(portal, type, request));
  };
  app.post("/crm/v3/objects/:objectType/search", search);
  app.post("/crm/v3/objects/:objectType/search/", search);
}
