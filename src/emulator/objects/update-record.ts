import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import { commitWrite } from "./commit-write.ts";
import { checkIdProperty, findRecord } from "./find-record.ts";
import { objectContext } from "./object-context.ts";
import { prepareUpdate } from "./prepare-write.ts";
import { writeOutput } from "./record-output.ts";
import { UniqueClaims } from "./unique-claims.ts";

/** `PATCH /crm/v3/objects/{type}/{id}` `{properties}`, by id or a unique `idProperty`; archived records are not found. */
export async function updateRecord(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const idProperty = c.req.query("idProperty");
  checkIdProperty(ctx.store, idProperty);
  const body = await readJsonObject(c);
  const record = findRecord(ctx.store, c.req.param("id") ?? "", idProperty);
  if (record === undefined || record.archived) throw notFound();
  const prepared = prepareUpdate(ctx, record, body["properties"], new UniqueClaims());
  if (!prepared.ok) throw prepared.error;
  return c.json(writeOutput(commitWrite(ctx, prepared.plan)));
}
