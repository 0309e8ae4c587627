import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import type { StoredRecord } from "../state/stored-record.ts";
import type { ObjectContext } from "./object-context.ts";
import { objectContext } from "./object-context.ts";
import { writeOutput } from "./record-output.ts";

/**
 * `POST /crm/v3/objects/{type}/merge` `{primaryObjectId, objectIdToMerge}` → the survivor,
 * which has a new id; both old ids resolve to it and are listed in `hs_merged_object_ids`.
 */
export async function mergeRecords(c: Context<EmulatorEnv>): Promise<Response> {
  const ctx = objectContext(c);
  requireScope(c, ctx.type.writeScopes);
  const body = await readJsonObject(c);
  const primary = liveRecord(ctx, body, "primaryObjectId");
  const loser = liveRecord(ctx, body, "objectIdToMerge");
  if (primary.id === loser.id) {
    throw new ApiError(400, "VALIDATION_ERROR", `Cannot merge ${ctx.type.singular} ${primary.id} into itself: primaryObjectId and objectIdToMerge name the same record.`);
  }
  return c.json(writeOutput(ctx.store.merge(primary, loser, ctx.source, ctx.now())));
}

function liveRecord(ctx: ObjectContext, body: Record<string, unknown>, field: string): StoredRecord {
  const id = body[field];
  if (typeof id !== "string" && typeof id !== "number") {
    throw new ApiError(400, "VALIDATION_ERROR", `Invalid input JSON: \`${field}\` is required.`, { context: { [field]: [] } });
  }
  const record = ctx.store.get(String(id));
  if (record === undefined || record.archived) {
    throw new ApiError(400, "VALIDATION_ERROR", `Cannot merge: ${ctx.type.singular} ${String(id)} (${field}) does not exist or is archived.`, {
      context: { [field]: [String(id)] },
    });
  }
  return record;
}
