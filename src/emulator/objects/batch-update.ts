import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { answerBatchWrites } from "./answer-batch-writes.ts";
import { inputId, optionalString, readBatch, rejectDuplicateIds } from "./batch-inputs.ts";
import { checkIdProperty, findRecord } from "./find-record.ts";
import { objectContext } from "./object-context.ts";
import { prepareUpdate } from "./prepare-write.ts";
import type { BatchWrite } from "./run-batch-writes.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/update` `{inputs: [{id, idProperty?, properties, objectWriteTraceId?}]}`.
 * Ids that name no live record are reported (207) while the others are written.
 */
export async function batchUpdate(c: Context<EmulatorEnv>): Promise<Response> {
  const startedAt = c.get("state").clock.iso();
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const { inputs } = await readBatch(c);
  const ids = inputs.map(inputId);
  rejectDuplicateIds(ids);
  const idProperties = inputs.map((input) => optionalString(input, "idProperty"));
  for (const idProperty of idProperties) checkIdProperty(ctx.store, idProperty);
  const writes: BatchWrite[] = inputs.map((input, i) => (claims) => {
    const id = ids[i] ?? "";
    const record = findRecord(ctx.store, id, idProperties[i]);
    if (record === undefined || record.archived) return { ok: false, missingId: id };
    return prepareUpdate(ctx, record, input["properties"], claims);
  });
  return answerBatchWrites(c, ctx, startedAt, inputs, writes, 200);
}
