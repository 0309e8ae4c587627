import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { RouterRoute } from "hono/types";

/** Middleware are registered with `use` (method ALL) on wildcard paths; routes name a pattern. */
const isMiddleware = (route: RouterRoute): boolean => route.method === "ALL" && route.path.endsWith("*");

/**
 * The route pattern a request was (or would have been) answered by, e.g.
 * `/crm/v3/objects/:type/batch/read`. Read after `next()`: the route that answered, or, when a
 * middleware answered first (fault, 401, 429), the route the request was heading for; a request
 * no route matches is `unmatched`.
 */
export function routePattern(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = Math.max(c.req.routeIndex, 0); i < routes.length; i++) {
    const route = routes[i];
    if (route !== undefined && !isMiddleware(route)) return route.path;
  }
  return "unmatched";
}
