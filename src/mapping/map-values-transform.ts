import { err, ok, type Result } from "../core/result.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { showValue } from "./show-value.ts";
import type { Transform } from "./transform-schema.ts";

type MapValues = Extract<Transform, { type: "map_values" }>;

/** Looks each value (or each item of a list) up in the table; what is missing is kept, emptied or refused. */
export function applyMapValues(value: unknown, transform: MapValues): Result<unknown, string> {
  if (!Array.isArray(value)) return lookUp(value, transform);
  const mapped: unknown[] = [];
  for (const item of value) {
    const result = lookUp(item, transform);
    if (!result.ok) return result;
    mapped.push(result.value);
  }
  return ok(mapped);
}

function lookUp(value: unknown, transform: MapValues): Result<unknown, string> {
  if (isEmptyValue(value)) return ok(value);
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint" && typeof value !== "boolean") {
    return err(`${showValue(value)} cannot be looked up (map_values takes text, numbers and true/false)`);
  }
  const key = String(value).trim();
  const { values } = transform;
  if (Object.hasOwn(values, key)) return ok(values[key]);
  if (transform.ignoreCase) {
    const lower = key.toLowerCase();
    const found = Object.keys(values).find((candidate) => candidate.toLowerCase() === lower);
    if (found !== undefined) return ok(values[found]);
  }
  if (transform.otherwise === "keep") return ok(value);
  if (transform.otherwise === "empty") return ok(null);
  const keys = Object.keys(values);
  const listed = keys.length <= 10 ? keys.join(", ") : `${keys.slice(0, 10).join(", ")}, … and ${String(keys.length - 10)} more`;
  return err(`${showValue(value)} is not in the map_values table (${listed})`);
}
