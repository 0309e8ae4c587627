import { Hono } from "hono";
import { authenticate } from "./auth/authenticate.ts";
import type { EmulatorEnv } from "./env.ts";
import { ApiError } from "./http/api-error.ts";
import { errorBody } from "./http/error-body.ts";
import type { EmulatorParts } from "./parts.ts";
import { randomUuid } from "./random.ts";
import { associationsRoutes } from "./routes/associations.ts";
import { controlRoutes } from "./routes/control.ts";
import { listsRoutes } from "./routes/lists.ts";
import { oauthRoutes } from "./routes/oauth.ts";
import { objectsRoutes } from "./routes/objects.ts";
import { ownersRoutes } from "./routes/owners.ts";
import { pipelinesRoutes } from "./routes/pipelines.ts";
import { propertiesRoutes } from "./routes/properties.ts";
import { schemasRoutes } from "./routes/schemas.ts";
import { searchRoutes } from "./routes/search.ts";
import { webhooksRoutes } from "./routes/webhooks.ts";

/**
 * Assembles the emulator's Hono app from its parts. Order matters: statistics see every
 * request, faults strike before any work, control and OAuth need no bearer token, and the
 * rate limiter counts only authenticated CRM calls, as HubSpot's does.
 */
export function createEmulatorApp(parts: EmulatorParts): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { state } = parts;

  app.use("*", async function attachState(c, next) {
    c.set("state", state);
    c.set("correlationId", randomUuid(Math.random));
    await next();
  });
  app.use("*", parts.stats.middleware());
  controlRoutes(app, parts);
  app.use("*", parts.faults.middleware());
  app.use("*", async function rejectLongUrls(c, next) {
    if (c.req.url.length > state.options.limits.maxUrlLength) {
      throw new ApiError(414, "BAD_REQUEST", `URI Too Long: the request URL is ${c.req.url.length} characters; the limit is ${state.options.limits.maxUrlLength}. Send long property lists in a request body (batch read or search).`);
    }
    await next();
  });
  oauthRoutes(app, parts);
  webhooksRoutes(app, parts);

  app.use("/crm/*", authenticate());
  app.use("/crm-object-schemas/*", authenticate());
  app.use("/crm/*", parts.rateLimiter.middleware());
  app.use("/crm-object-schemas/*", parts.rateLimiter.middleware());

  searchRoutes(app, parts);
  associationsRoutes(app, parts);
  propertiesRoutes(app, parts);
  schemasRoutes(app, parts);
  ownersRoutes(app, parts);
  pipelinesRoutes(app, parts);
  listsRoutes(app, parts);
  objectsRoutes(app, parts);

  app.notFound((c) => {
    const error = new ApiError(404, "OBJECT_NOT_FOUND", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    return c.json(errorBody(error, c.get("correlationId")), 404);
  });
  app.onError((err, c) => {
    const error = err instanceof ApiError ? err : new ApiError(500, "INTERNAL_ERROR", `Internal error: ${err.message}`);
    if (!(err instanceof ApiError)) console.error("[emulator] unexpected error", err);
    for (const [name, value] of c.res.headers) if (name.toLowerCase().startsWith("x-hubspot-ratelimit")) c.header(name, value);
    return c.json(errorBody(error, c.get("correlationId")), error.status as 400);
  });
  return app;
}
