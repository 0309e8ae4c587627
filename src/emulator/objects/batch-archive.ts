import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { inputId, readBatch } from "./batch-inputs.ts";
import { objectContext } from "./object-context.ts";

/** `POST /crm/v3/objects/{type}/batch/archive` `{inputs: [{id}]}` → 204; unknown ids are ignored, as HubSpot does. */
export async function batchArchive(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const { inputs } = await readBatch(c);
  const ids = inputs.map(inputId);
  for (const id of ids) {
    const record = ctx.store.get(id);
    if (record !== undefined) ctx.store.archive(record, ctx.source, ctx.now());
  }
  return c.body(null, 204);
}
