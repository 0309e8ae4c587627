import { err, ok, type Result } from "../core/result.ts";
import { decimalFromBigInt, decimalFromNumber, formatDecimal, type Decimal } from "./decimal.ts";
import { parseNumberText, type NumberFormat } from "./number-format.ts";
import { notAScalar } from "./scalar-kind.ts";

/** A number property's value: exact decimal text (`1234.5`), never rounded, never an exponent. */
export function coerceNumber(value: unknown, format: NumberFormat): Result<string, string> {
  const decimal = toDecimal(value, format);
  return decimal.ok ? ok(formatDecimal(decimal.value)) : decimal;
}

/** A source value read as an exact decimal: numbers, bigints and number text in the given format. */
export function toDecimal(value: unknown, format: NumberFormat): Result<Decimal, string> {
  if (typeof value === "number") {
    const decimal = decimalFromNumber(value);
    return decimal === undefined ? err(Number.isNaN(value) ? "is not a number" : "is not a finite number") : ok(decimal);
  }
  if (typeof value === "bigint") return ok(decimalFromBigInt(value));
  if (typeof value === "string") return parseNumberText(value, format);
  if (typeof value === "boolean") return err("is true/false, not a number");
  if (value instanceof Date) return err("is a date, not a number");
  return err(notAScalar(value) ?? "is not a number");
}
