import { err, ok, type Result } from "../core/result.ts";
import { formatDecimal, decimalFromNumber } from "./decimal.ts";
import { formatUtcDateTime } from "./civil-date.ts";
import { notAScalar } from "./scalar-kind.ts";

/** A string or phone_number property's value: text as given, numbers without exponents, dates in ISO-8601. */
export function coerceText(value: unknown): Result<string, string> {
  if (typeof value === "string") return ok(value);
  if (typeof value === "boolean" || typeof value === "bigint") return ok(String(value));
  if (typeof value === "number") {
    const decimal = decimalFromNumber(value);
    return decimal === undefined ? err("is not a finite number") : ok(formatDecimal(decimal));
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? err("is an invalid date") : ok(formatUtcDateTime(value.getTime()));
  return err(notAScalar(value) ?? "is not text");
}
