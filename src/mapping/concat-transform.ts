import { err, ok, type Result } from "../core/result.ts";
import { formatUtcDateTime } from "./civil-date.ts";
import { decimalFromNumber, formatDecimal } from "./decimal.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { showValue } from "./show-value.ts";
import { columnValue, type TransformContext } from "./transform-context.ts";
import type { Transform } from "./transform-schema.ts";

type Concat = Extract<Transform, { type: "concat" }>;

/** Joins the non-empty parts (list columns item by item) with the separator; nothing at all is empty (null). */
export function applyConcat(transform: Concat, context: TransformContext): Result<unknown, string> {
  const texts: string[] = [];
  for (const part of transform.parts) {
    if ("literal" in part) {
      if (part.literal !== "") texts.push(part.literal);
      continue;
    }
    const found = columnValue(context, part.column);
    if (!found.ok) return found;
    for (const item of Array.isArray(found.value) ? found.value : [found.value]) {
      if (isEmptyValue(item)) continue;
      const text = asText(item);
      if (text === undefined) return err(`column "${part.column}" holds ${showValue(item)}, which cannot be joined as text`);
      texts.push(text);
    }
  }
  return ok(texts.length === 0 ? null : texts.join(transform.separator));
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    const decimal = decimalFromNumber(value);
    return decimal === undefined ? undefined : formatDecimal(decimal);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return formatUtcDateTime(value.getTime());
  return undefined;
}
