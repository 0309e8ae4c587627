import type { StoredRecord } from "../state/stored-record.ts";
import { commitWrite } from "./commit-write.ts";
import { missingRecordsError } from "./missing-records-error.ts";
import type { ObjectContext } from "./object-context.ts";
import { standardError, type StandardError } from "./standard-error.ts";
import { UniqueClaims } from "./unique-claims.ts";
import type { PreparedWrite, WritePlan } from "./write-plan.ts";

/** An input whose record does not exist: reported in `errors`, never failing the batch. */
export interface MissingRecord {
  ok: false;
  missingId: string;
}

/** One input of a batch write: how to check it, given what earlier inputs of the batch claimed. */
export type BatchWrite = (claims: UniqueClaims) => PreparedWrite | MissingRecord;

export interface BatchOutcome {
  /** Written inputs in input order. */
  written: Array<{ index: number; record: StoredRecord; plan: WritePlan }>;
  errors: StandardError[];
}

/**
 * HubSpot's two batch modes. With a trace id on every input, each input stands alone: a
 * refused one becomes its own error (naming its trace id) and the others are written, one
 * after the other. Without, every input is checked first and the first refusal fails the
 * whole batch (400, or 409 for a duplicate) with nothing written.
 */
export function runBatchWrites(ctx: ObjectContext, writes: readonly BatchWrite[], traceIds: readonly string[] | undefined): BatchOutcome {
  const claims = new UniqueClaims();
  const outcome: BatchOutcome = { written: [], errors: [] };
  if (traceIds !== undefined) {
    writes.forEach((write, index) => {
      const traceId = traceIds[index];
      const prepared = write(claims);
      if (prepared.ok) outcome.written.push({ index, record: commitWrite(ctx, prepared.plan), plan: prepared.plan });
      else outcome.errors.push(standardError("missingId" in prepared ? missingRecordsError(ctx.type, [prepared.missingId]) : prepared.error, traceId));
    });
    return outcome;
  }
  const plans: Array<{ index: number; plan: WritePlan }> = [];
  const missing: string[] = [];
  writes.forEach((write, index) => {
    const prepared = write(claims);
    if (prepared.ok) plans.push({ index, plan: prepared.plan });
    else if ("missingId" in prepared) missing.push(prepared.missingId);
    else throw prepared.error;
  });
  for (const { index, plan } of plans) outcome.written.push({ index, record: commitWrite(ctx, plan), plan });
  if (missing.length > 0) outcome.errors.push(standardError(missingRecordsError(ctx.type, missing)));
  return outcome;
}
