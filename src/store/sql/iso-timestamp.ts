/** Epoch ms as the ISO text both drivers store (SQLite compares it as text, so one format only). */
export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const epochPattern = /^-?\d{1,15}$/;

/**
 * A HubSpot datetime (ISO-8601 or epoch ms, as a string) as canonical ISO text, or null when it
 * is not one. A time without a zone is UTC (never the machine's zone). Years outside 1–9999 are
 * refused: PostgreSQL would reject the whole statement.
 */
export function normaliseTimestamp(raw: string): string | null {
  const text = raw.trim();
  const ms = epochPattern.test(text) ? Number(text) : parseIso(text);
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year < 1 || year > 9999 ? null : date.toISOString();
}

function parseIso(text: string): number | null {
  const m = isoPattern.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(frac.padEnd(3, "0").slice(0, 3));
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, millis);
  // 31 February rolls into March; a real calendar date round-trips.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return check.getTime() - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** A timestamp the caller passes in (ISO text) in the one stored format; a malformed one is a bug. */
export function canonicalTimestamp(at: string): string {
  const iso = normaliseTimestamp(at);
  if (iso === null) throw new TypeError(`not an ISO-8601 timestamp: ${JSON.stringify(at)}`);
  return iso;
}
