import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { boolParam } from "../http/query-params.ts";
import { batchAnswer } from "./batch-answer.ts";
import { inputId, optionalString, readBatch } from "./batch-inputs.ts";
import { checkIdProperty, findRecord } from "./find-record.ts";
import { missingRecordsError } from "./missing-records-error.ts";
import { objectContext } from "./object-context.ts";
import { readRequest } from "./read-request.ts";
import { readOutput, type RecordOutput } from "./record-output.ts";
import { standardError } from "./standard-error.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/read` `{inputs: [{id}], idProperty?, properties, propertiesWithHistory}`.
 * Ids that name no record are listed in one error (207); a record named twice is returned once.
 */
export async function batchRead(c: Context<EmulatorEnv>): Promise<Response> {
  const startedAt = c.get("state").clock.iso();
  const ctx = objectContext(c);
  requireScope(c, ctx.type.readScopes);
  const { body, inputs } = await readBatch(c);
  const idProperty = optionalString(body, "idProperty");
  checkIdProperty(ctx.store, idProperty);
  const request = readRequest(ctx, stringList(body["properties"]), stringList(body["propertiesWithHistory"]));
  const archived = boolParam(c, "archived");
  const results: RecordOutput[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const id = inputId(input);
    const record = findRecord(ctx.store, id, idProperty);
    if (record === undefined || record.archived !== archived) {
      missing.push(id);
      continue;
    }
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    results.push(readOutput(ctx, record, request));
  }
  const errors = missing.length === 0 ? [] : [standardError(missingRecordsError(ctx.type, missing))];
  return batchAnswer(c, startedAt, results, errors, 200);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
