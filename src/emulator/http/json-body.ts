import type { Context } from "hono";
import { ApiError } from "./api-error.ts";

/** Reads a JSON request body; a body that is not JSON gets HubSpot's 400, not a crash. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON on line 1: the request body is not valid JSON.");
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a JSON body that must be an object, with a message naming what is missing. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!isObject(body)) throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: expected a JSON object.");
  return body;
}

/** Reads `inputs` of a batch body, enforcing the batch size limit. */
export async function readBatchInputs(c: Context, max: number): Promise<unknown[]> {
  const body = await readJsonObject(c);
  const inputs = body["inputs"];
  if (!Array.isArray(inputs)) throw new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: `inputs` must be an array.");
  if (inputs.length > max) {
    throw new ApiError(400, "VALIDATION_ERROR", `Too many inputs: ${inputs.length} given, the limit is ${max}.`, {
      context: { maxInputs: [String(max)] },
    });
  }
  return inputs;
}
