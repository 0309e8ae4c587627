import { err, ok, type Result } from "../core/result.ts";
import { formatUtcDate, formatUtcDateTime, formatUtcTime, isUtcMidnight, isWritableEpochMs } from "./civil-date.ts";
import { parseIsoDateTime } from "./parse-iso-date-time.ts";
import { notAScalar } from "./scalar-kind.ts";

// Epoch ms below this fall in 1970–1973 and are almost always epoch seconds read as ms.
const smallestEpochMs = 1e11;
const anotherFormat = "for other formats add a date_format transform";
const notADate = `is not a date (expected YYYY-MM-DD, an ISO-8601 date-time at midnight UTC or epoch milliseconds; ${anotherFormat})`;
const notADateTime = `is not a date-time (expected ISO-8601 such as 2024-03-05T14:30:00Z, or epoch milliseconds; ${anotherFormat})`;

/** A date property's value, `YYYY-MM-DD`: HubSpot stores dates as midnight UTC, so a time of day is refused, not dropped. */
export function coerceDate(value: unknown): Result<string, string> {
  const moment = toEpochMs(value, notADate);
  if (!moment.ok) return moment;
  if (!isUtcMidnight(moment.value)) {
    return err(
      `has a time of day (${formatUtcTime(moment.value)} UTC), and a date property takes a day at midnight UTC (add a date_format transform with output: date to keep only the day)`,
    );
  }
  return ok(formatUtcDate(moment.value));
}

/** A datetime property's value, ISO-8601 in UTC with milliseconds as HubSpot returns them. */
export function coerceDateTime(value: unknown): Result<string, string> {
  const moment = toEpochMs(value, notADateTime);
  return moment.ok ? ok(formatUtcDateTime(moment.value)) : moment;
}

/** Dates, epoch milliseconds (numbers or digit text) and ISO-8601 text as epoch ms; a zone-less time is UTC. */
function toEpochMs(value: unknown, otherwise: string): Result<number, string> {
  if (value instanceof Date) return inRange(value.getTime(), "is an invalid date");
  if (typeof value === "number" || typeof value === "bigint") return fromEpochNumber(Number(value));
  if (typeof value === "string") {
    const text = value.trim();
    if (/^-?\d+$/.test(text)) return fromEpochNumber(Number(text));
    const iso = parseIsoDateTime(text);
    if (iso.ok) return inRange(iso.value.ms, otherwise);
    return err(iso.error === null ? otherwise : `is not a real date (${iso.error})`);
  }
  if (typeof value === "boolean") return err(otherwise);
  return err(notAScalar(value) ?? otherwise);
}

function fromEpochNumber(ms: number): Result<number, string> {
  if (!Number.isInteger(ms)) return err("is not a whole number of epoch milliseconds");
  if (Math.abs(ms) < smallestEpochMs) {
    return err("is too small for epoch milliseconds (it would fall between 1966 and 1973); if it is epoch seconds, add a date_format transform with input: epoch_seconds");
  }
  return inRange(ms, "is not a date");
}

function inRange(ms: number, invalid: string): Result<number, string> {
  if (Number.isNaN(ms)) return err(invalid);
  return isWritableEpochMs(ms) ? ok(ms) : err("is outside the years 1–9999");
}
