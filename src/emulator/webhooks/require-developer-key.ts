import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * App-level webhook APIs take the developer API key (`?hapikey=`), never a bearer token.
 * The key is checked before the app id, so a stranger learns nothing about which apps exist.
 */
export function requireDeveloperKey(): MiddlewareHandler<EmulatorEnv> {
  return async function developerKey(c, next) {
    const app = c.get("state").app;
    const key = c.req.query("hapikey");
    if (key === undefined || key === "") {
      throw new ApiError(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports developer API key authentication: pass your developer account's key as the `hapikey` query parameter.");
    }
    if (key !== app.developerApiKey) {
      throw new ApiError(401, "INVALID_AUTHENTICATION", "The API key provided is invalid. View or manage your API key here: https://app.hubspot.com/l/api-key/");
    }
    const appId = c.req.param("appId");
    if (appId !== String(app.appId)) throw new ApiError(404, "OBJECT_NOT_FOUND", `App ${appId ?? ""} not found for this developer account.`);
    await next();
  };
}
