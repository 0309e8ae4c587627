const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_MS = /^-?\d+$/;

/** Epoch ms of an ISO-8601 date or date-time (UTC when no zone is given), or of epoch ms digits. */
export function parseInstant(value: string): number | undefined {
  if (EPOCH_MS.test(value)) {
    const ms = Number(value);
    return Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
  }
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone = "Z"] = m;
  // Date.parse takes at most milliseconds and no bare time zone without a colon; normalise both.
  const ms = fraction.slice(0, 3).padEnd(3, "0");
  const tz = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${tz}`);
  if (Number.isNaN(parsed)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; HubSpot refuses it.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  return parsed;
}

export function isMidnightUtc(ms: number): boolean {
  return ((ms % DAY_MS) + DAY_MS) % DAY_MS === 0;
}

/** `H:M:S.ms` the way HubSpot's "not midnight" message prints a time of day. */
export function utcTimeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}.${d.getUTCMilliseconds()}`;
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const isoDateTime = (ms: number): string => new Date(ms).toISOString();
