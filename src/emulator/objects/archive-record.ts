import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { objectContext } from "./object-context.ts";

/** `DELETE /crm/v3/objects/{type}/{id}` → 204. Idempotent, as HubSpot's is: an unknown or archived id is no error. */
export async function archiveRecord(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const record = ctx.store.get(c.req.param("id") ?? "");
  if (record !== undefined) ctx.store.archive(record, ctx.source, ctx.now());
  return c.body(null, 204);
}
