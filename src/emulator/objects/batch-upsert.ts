import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { ObjectStore } from "../state/object-store.ts";
import { answerBatchWrites } from "./answer-batch-writes.ts";
import { inputId, optionalString, readBatch, rejectDuplicateIds } from "./batch-inputs.ts";
import { findRecord } from "./find-record.ts";
import { objectContext } from "./object-context.ts";
import { prepareCreate, prepareUpdate } from "./prepare-write.ts";
import type { BatchWrite } from "./run-batch-writes.ts";

/**
 * `POST /crm/v3/objects/{type}/batch/upsert` `{inputs: [{id, idProperty, properties}]}`: the
 * record whose unique `idProperty` holds `id` (case-insensitive) is updated, or one is created
 * with that value. Results say which with `new`.
 */
export async function batchUpsert(c: Context<EmulatorEnv>): Promise<Response> {
  const startedAt = c.get("state").clock.iso();
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const { inputs } = await readBatch(c);
  const ids = inputs.map(inputId);
  const idProperties = inputs.map((input) => upsertIdProperty(ctx.store, optionalString(input, "idProperty")));
  rejectDuplicateIds(ids);
  const writes: BatchWrite[] = inputs.map((input, i) => (claims) => {
    const id = ids[i] ?? "";
    const idProperty = idProperties[i] ?? "";
    const record = findRecord(ctx.store, id, idProperty);
    if (record !== undefined && !record.archived) return prepareUpdate(ctx, record, input["properties"], claims);
    const properties = input["properties"] ?? {};
    // A non-object `properties` is left for validation to refuse in HubSpot's words.
    return prepareCreate(ctx, isObject(properties) ? { ...properties, [idProperty]: id } : properties, undefined, claims);
  });
  return answerBatchWrites(c, ctx, startedAt, inputs, writes, 200, (output, plan) => ({ ...output, new: plan.kind === "create" }));
}

/** Upserts match on a unique property only (contact `email`, or one with hasUniqueValue). */
function upsertIdProperty(store: ObjectStore, idProperty: string | undefined): string {
  if (idProperty !== undefined && store.uniqueProperties.includes(idProperty)) return idProperty;
  const allowed = store.type.name === "contacts" ? "email or a property with hasUniqueValue" : "a property with hasUniqueValue";
  throw new ApiError(400, "VALIDATION_ERROR", `Upsert needs idProperty naming ${allowed}; got ${idProperty === undefined ? "none" : `"${idProperty}"`}.`, {
    context: { idProperty: idProperty === undefined ? [] : [idProperty] },
  });
}
