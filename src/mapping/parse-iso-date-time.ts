import { err, ok, type Result } from "../core/result.ts";
import { partsToEpochMs } from "./civil-date.ts";

export interface IsoMoment {
  readonly ms: number;
  /** False for a bare `YYYY-MM-DD`. */
  readonly hasTime: boolean;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * ISO-8601 text (`2024-03-05`, `2024-03-05T14:30:00Z`, `2024-03-05 14:30:00.123456+02:00`) to
 * epoch ms. A date-time without an offset is read as UTC — SQLite's `CURRENT_TIMESTAMP` writes
 * UTC that way, and reading it as local time would make the result depend on the machine.
 * Digits past milliseconds are dropped (HubSpot keeps milliseconds). Error `null` means the
 * text is not ISO-shaped at all; a string names why an ISO-shaped text is no real moment.
 */
export function parseIsoDateTime(text: string): Result<IsoMoment, string | null> {
  const match = isoPattern.exec(text.trim());
  if (match === null) return err(null);
  const [, year, month, day, hour, minute, second, fraction, zulu, offsetSign, offsetHours, offsetMinutes] = match;
  const offsetH = Number(offsetHours ?? "0");
  const offsetM = Number(offsetMinutes ?? "0");
  if (offsetH > 23 || offsetM > 59) return err(`offset ${offsetSign ?? ""}${offsetHours ?? ""}:${offsetMinutes ?? "00"} is out of range`);
  const moment = partsToEpochMs({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? "0"),
    minute: Number(minute ?? "0"),
    second: Number(second ?? "0"),
    millisecond: Number((fraction ?? "").slice(0, 3).padEnd(3, "0")),
    offsetMinutes: zulu !== undefined ? 0 : (offsetSign === "-" ? -1 : 1) * (offsetH * 60 + offsetM),
  });
  if (!moment.ok) return err(moment.error);
  return ok({ ms: moment.value, hasTime: hour !== undefined });
}
