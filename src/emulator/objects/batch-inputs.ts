import type { Context } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { isObject, readBatchInputs, readJsonObject } from "../http/json-body.ts";

/** A batch body: its `inputs` (each an object, at most `limits.batchMaxInputs`) and the rest of it. */
export interface BatchBody {
  body: Record<string, unknown>;
  inputs: Array<Record<string, unknown>>;
}

export async function readBatch(c: Context<EmulatorEnv>): Promise<BatchBody> {
  const inputs = await readBatchInputs(c, c.get("state").options.limits.batchMaxInputs);
  // Hono caches the body text, so the rest of the body can be read after the inputs.
  const body = await readJsonObject(c);
  if (!inputs.every(isObject)) throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: every element of `inputs` must be an object.");
  return { body, inputs };
}

/** An input's `id` as HubSpot's string id; numbers are accepted, anything else is a 400. */
export function inputId(input: Record<string, unknown>): string {
  const id = input["id"];
  if (typeof id === "string" && id !== "") return id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: every input needs an `id`.");
}

export function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The inputs' `objectWriteTraceId`s when every input carries one — HubSpot then reports each
 * refused input on its own and writes the rest — or undefined, when one bad input fails the batch.
 */
export function traceIdsOf(inputs: ReadonlyArray<Record<string, unknown>>): string[] | undefined {
  const ids = inputs.map((input) => optionalString(input, "objectWriteTraceId"));
  if (inputs.length === 0 || !ids.every((id): id is string => id !== undefined)) return undefined;
  return ids;
}

/** HubSpot refuses a batch naming one record twice (compared case-insensitively, as unique values are). */
export function rejectDuplicateIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) {
    const key = id.toLowerCase();
    if (seen.has(key)) duplicates.add(id);
    seen.add(key);
  }
  if (duplicates.size > 0) {
    throw new ApiError(400, "VALIDATION_ERROR", `Duplicate IDs found in batch input: [${[...duplicates].join(", ")}]. IDs must be unique`, {
      context: { ids: [...duplicates] },
    });
  }
}
