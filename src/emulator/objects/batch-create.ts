import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { answerBatchWrites } from "./answer-batch-writes.ts";
import { readBatch } from "./batch-inputs.ts";
import { objectContext } from "./object-context.ts";
import { prepareCreate } from "./prepare-write.ts";
import type { BatchWrite } from "./run-batch-writes.ts";

/** `POST /crm/v3/objects/{type}/batch/create` `{inputs: [{properties, associations?, objectWriteTraceId?}]}` → 201 (207 with errors). */
export async function batchCreate(c: Context<EmulatorEnv>): Promise<Response> {
  const startedAt = c.get("state").clock.iso();
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const { inputs } = await readBatch(c);
  const writes: BatchWrite[] = inputs.map((input) => (claims) => prepareCreate(ctx, input["properties"], input["associations"], claims));
  return answerBatchWrites(c, ctx, startedAt, inputs, writes, 201);
}
