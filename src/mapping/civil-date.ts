/** Calendar arithmetic in UTC only: no time zones, so no DST gaps or doubled hours. */

export interface DateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC the parts were written in (0 for UTC). */
  readonly offsetMinutes: number;
}

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const firstYear = 1;
export const lastYear = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function monthName(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

/** English month names and their three-letter forms, for `MMM` / `MMMM` patterns. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = monthNames.findIndex((full) => full.toLowerCase() === lower || full.slice(0, 3).toLowerCase() === lower);
  return index === -1 ? undefined : index + 1;
}

/**
 * Epoch milliseconds of written date-time parts, or the reason they name no real moment
 * (`February 2023 has 28 days`, `hour 24 is out of range`).
 */
export function partsToEpochMs(parts: DateTimeParts): { ok: true; value: number } | { ok: false; error: string } {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (year < firstYear || year > lastYear) return { ok: false, error: `year ${String(year)} is out of range (${String(firstYear)}–${String(lastYear)})` };
  if (month < 1 || month > 12) return { ok: false, error: `month ${String(month)} is out of range (1–12)` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, error: `${monthName(month)} ${String(year)} has ${String(days)} days` };
  if (hour > 23) return { ok: false, error: `hour ${String(hour)} is out of range (0–23)` };
  if (minute > 59) return { ok: false, error: `minute ${String(minute)} is out of range (0–59)` };
  if (second > 59) return { ok: false, error: `second ${String(second)} is out of range (0–59)` };
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return { ok: true, value: date.getTime() - parts.offsetMinutes * 60_000 };
}

/** True when the epoch milliseconds fall in years 1–9999, the range every output format can write. */
export function isWritableEpochMs(ms: number): boolean {
  if (!Number.isFinite(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return !Number.isNaN(year) && year >= firstYear && year <= lastYear;
}

/** `YYYY-MM-DD` of the UTC day the moment falls on. */
export function formatUtcDate(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** ISO-8601 in UTC with milliseconds, as HubSpot writes datetimes (`2024-03-05T14:30:00.000Z`). */
export function formatUtcDateTime(ms: number): string {
  return `${formatUtcDate(ms)}T${formatUtcTime(ms)}Z`;
}

/** `HH:mm:ss.SSS` of the moment in UTC. */
export function formatUtcTime(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}`;
}

export function isUtcMidnight(ms: number): boolean {
  return ((ms % 86_400_000) + 86_400_000) % 86_400_000 === 0;
}

/** The moment at 00:00 UTC of its UTC day. */
export function startOfUtcDay(ms: number): number {
  return ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
