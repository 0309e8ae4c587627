import { err, ok, type Result } from "../core/result.ts";
import { formatUtcDate, formatUtcDateTime, isWritableEpochMs, startOfUtcDay } from "./civil-date.ts";
import type { DateInput, DateOutput } from "./date-format-spec.ts";
import { readWithPattern, writeWithPattern } from "./date-pattern.ts";
import { decimalFromBigInt, decimalFromNumber, parsePlainDecimal, type Decimal } from "./decimal.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { parseIsoDateTime } from "./parse-iso-date-time.ts";
import { showValue } from "./show-value.ts";

/**
 * Reads a date written the source's way and writes it as asked, all in UTC. `output: date`
 * keeps the UTC day of a date-time (the one place a time of day is dropped, because asked).
 */
export function applyDateFormat(value: unknown, input: DateInput, output: DateOutput): Result<unknown, string> {
  if (isEmptyValue(value)) return ok(value);
  const ms = readMoment(value, input);
  if (!ms.ok) return err(`${showValue(value)} ${ms.error}`);
  if (!isWritableEpochMs(ms.value)) {
    const hint = input.kind === "epoch_seconds" ? " (is it epoch milliseconds? use input: epoch_ms)" : "";
    return err(`${showValue(value)} read as ${input.text} is outside the years 1–9999${hint}`);
  }
  return ok(write(ms.value, output));
}

function readMoment(value: unknown, input: DateInput): Result<number, string> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? err("is an invalid date") : ok(value.getTime());
  switch (input.kind) {
    case "epoch_seconds":
      return readEpoch(value, 1000n, "epoch seconds");
    case "epoch_ms":
      return readEpoch(value, 1n, "epoch milliseconds");
    case "iso": {
      if (typeof value !== "string") return err("is not ISO-8601 text (such as 2024-03-05 or 2024-03-05T14:30:00Z)");
      const parsed = parseIsoDateTime(value);
      if (parsed.ok) return ok(parsed.value.ms);
      return err(parsed.error === null ? "is not ISO-8601 text (such as 2024-03-05 or 2024-03-05T14:30:00Z)" : `is not a real date (${parsed.error})`);
    }
    case "pattern":
      return typeof value === "string" ? readWithPattern(value, input.pattern) : err(`is not text in the format ${input.text}`);
  }
}

/** Epoch numbers, bigints or digit text times a unit, to whole milliseconds (sub-millisecond digits dropped). */
function readEpoch(value: unknown, unitMs: bigint, name: string): Result<number, string> {
  let decimal: Decimal | undefined;
  if (typeof value === "number") decimal = decimalFromNumber(value);
  else if (typeof value === "bigint") decimal = decimalFromBigInt(value);
  else if (typeof value === "string") decimal = parsePlainDecimal(value.trim());
  if (decimal === undefined) return err(`is not a number of ${name}`);
  const scaled = decimal.coefficient * unitMs;
  const divisor = 10n ** BigInt(decimal.scale);
  let ms = scaled / divisor;
  if (decimal.negative) ms = scaled % divisor === 0n ? -ms : -ms - 1n;
  // Beyond this no Date exists; the caller reports the range with its hint.
  if (ms > 8_640_000_000_000_000n || ms < -8_640_000_000_000_000n) return ok(Number.NaN);
  return ok(Number(ms));
}

function write(ms: number, output: DateOutput): string {
  switch (output.kind) {
    case "date":
      return formatUtcDate(startOfUtcDay(ms));
    case "datetime":
      return formatUtcDateTime(ms);
    case "epoch_ms":
      return String(ms);
    case "pattern":
      return writeWithPattern(ms, output.pattern);
  }
}
