import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { batchAnswer } from "./batch-answer.ts";
import { optionalString, traceIdsOf } from "./batch-inputs.ts";
import type { ObjectContext } from "./object-context.ts";
import { writeOutput, type RecordOutput } from "./record-output.ts";
import { runBatchWrites, type BatchWrite } from "./run-batch-writes.ts";
import type { WritePlan } from "./write-plan.ts";

/**
 * The end every batch write (create, update, upsert) shares: runs the writes in the mode the
 * inputs' trace ids choose, and answers with each written record (carrying its input's
 * `objectWriteTraceId`) and the errors. `decorate` adds what one endpoint's results carry
 * beyond the record (upsert's `new`).
 */
export function answerBatchWrites(
  c: Context<EmulatorEnv>,
  ctx: ObjectContext,
  startedAt: string,
  inputs: ReadonlyArray<Record<string, unknown>>,
  writes: readonly BatchWrite[],
  okStatus: 200 | 201,
  decorate: (output: RecordOutput, plan: WritePlan) => RecordOutput = (output) => output,
): Response {
  const outcome = runBatchWrites(ctx, writes, traceIdsOf(inputs));
  const results = outcome.written.map(({ index, record, plan }) => decorate(writeOutput(record, optionalString(inputs[index] ?? {}, "objectWriteTraceId")), plan));
  return batchAnswer(c, startedAt, results, outcome.errors, okStatus);
}
