import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { batchAnswer } from "./batch-answer.ts";
import { optionalString, readBatch, traceIdsOf } from "./batch-inputs.ts";
import { objectContext } from "./object-context.ts";
import { prepareCreate } from "./prepare-write.ts";
import { writeOutput } from "./record-output.ts";
import { runBatchWrites, type BatchWrite } from "./run-batch-writes.ts";

/** `POST /crm/v3/objects/{type}/batch/create` `{inputs: [{properties, associations?, objectWriteTraceId?}]}` → 201 (207 with errors). */
export async function batchCreate(c: Context<EmulatorEnv>): Promise<Response> {
  const startedAt = c.get("state").clock.iso();
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const { inputs } = await readBatch(c);
  const traceIds = traceIdsOf(inputs);
  const writes: BatchWrite[] = inputs.map((input) => (claims) => prepareCreate(ctx, input["properties"], input["associations"], claims));
  const outcome = runBatchWrites(ctx, writes, traceIds);
  const results = outcome.written.map(({ index, record }) => writeOutput(record, optionalString(inputs[index] ?? {}, "objectWriteTraceId")));
  return batchAnswer(c, startedAt, results, outcome.errors, 201);
}
