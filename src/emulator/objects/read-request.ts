import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { readSelection } from "../http/record-view.ts";
import { listParam } from "../http/query-params.ts";
import type { ObjectContext } from "./object-context.ts";
import type { ReadRequest } from "./record-output.ts";

/**
 * The `properties`, `propertiesWithHistory` and `associations` query params of a read, each
 * accepted repeated or comma-separated. Unknown property and type names are ignored, as HubSpot does.
 */
export function readRequestFromQuery(c: Context<EmulatorEnv>, ctx: ObjectContext): ReadRequest {
  return readRequest(ctx, listParam(c, "properties"), listParam(c, "propertiesWithHistory"), listParam(c, "associations"));
}

export function readRequest(ctx: ObjectContext, properties: string[], withHistory: string[], associations: string[] = []): ReadRequest {
  const knownTypes = associations.filter((name) => ctx.portal.types.resolve(name) !== undefined);
  return { selection: readSelection(ctx.type, ctx.registry, properties, withHistory), associations: [...new Set(knownTypes)] };
}
