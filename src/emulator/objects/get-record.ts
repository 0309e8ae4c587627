import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import { boolParam } from "../http/query-params.ts";
import { checkIdProperty, findRecord } from "./find-record.ts";
import { objectContext } from "./object-context.ts";
import { readRequestFromQuery } from "./read-request.ts";
import { readOutput } from "./record-output.ts";

/** `GET /crm/v3/objects/{type}/{id}`: by id (a merged-away id gives the survivor) or a unique `idProperty`. */
export async function getRecord(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.readScopes);
  const idProperty = c.req.query("idProperty");
  checkIdProperty(ctx.store, idProperty);
  const record = findRecord(ctx.store, c.req.param("id") ?? "", idProperty);
  // `archived=true` reads only archived records, as the list does.
  if (record === undefined || record.archived !== boolParam(c, "archived")) throw notFound();
  return c.json(readOutput(ctx, record, readRequestFromQuery(c, ctx)));
}
