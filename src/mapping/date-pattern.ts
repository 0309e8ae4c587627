import { err, ok, type Result } from "../core/result.ts";
import { monthName, monthNumber, pad, partsToEpochMs } from "./civil-date.ts";

// Longest first, so `MMMM` is not read as `MM` twice.
const tokens = ["YYYY", "MMMM", "MMM", "MM", "M", "DD", "D", "HH", "H", "hh", "h", "mm", "ss", "SSS", "A", "a", "Z"] as const;
type Token = (typeof tokens)[number];
type Piece = { readonly token: Token } | { readonly literal: string };

/** A compiled date pattern such as `DD/MM/YYYY` or `YYYY-MM-DD[T]HH:mm:ss`, read and written in UTC. */
export interface DatePattern {
  readonly text: string;
  readonly pieces: readonly Piece[];
}

const tokenLetters = /[YMDHhmsSAaZyd]/;
const tokenPatterns: Readonly<Record<Token, string>> = {
  YYYY: String.raw`(\d{4})`,
  MMMM: "([A-Za-z]+)",
  MMM: "([A-Za-z]{3})",
  MM: String.raw`(\d{2})`,
  M: String.raw`(\d{1,2})`,
  DD: String.raw`(\d{2})`,
  D: String.raw`(\d{1,2})`,
  HH: String.raw`(\d{2})`,
  H: String.raw`(\d{1,2})`,
  hh: String.raw`(\d{2})`,
  h: String.raw`(\d{1,2})`,
  mm: String.raw`(\d{2})`,
  ss: String.raw`(\d{2})`,
  SSS: String.raw`(\d{1,9})`,
  A: "([AaPp][Mm])",
  a: "([AaPp][Mm])",
  Z: String.raw`([Zz]|[+-]\d{2}(?::?\d{2})?)`,
};

/**
 * Compiles a pattern. Tokens: YYYY, MM/M, MMM/MMMM (English month names), DD/D, HH/H (24 h),
 * hh/h with A (12 h), mm, ss, SSS (fraction), Z (offset); `[text]` is literal, as is any other
 * character. Two-digit years are refused: which century they mean is a guess.
 */
export function compileDatePattern(text: string): Result<DatePattern, string> {
  const pieces: Piece[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    if (char === "[") {
      const end = text.indexOf("]", index);
      if (end === -1) return err(`pattern "${text}" opens [ without closing it`);
      pieces.push({ literal: text.slice(index + 1, end) });
      index = end + 1;
      continue;
    }
    const token = tokens.find((candidate) => text.startsWith(candidate, index));
    if (token !== undefined) {
      pieces.push({ token });
      index += token.length;
      continue;
    }
    if (tokenLetters.test(char)) {
      const run = /^([A-Za-z])\1*/.exec(text.slice(index))?.[0] ?? char;
      if (run === "YY") return err(`pattern "${text}": two-digit years (YY) are ambiguous; use YYYY`);
      return err(`pattern "${text}": "${run}" is not a date token (use YYYY, MM, M, MMM, DD, D, HH, hh, mm, ss, SSS, A, Z, or [text] for literal letters)`);
    }
    pieces.push({ literal: char });
    index += 1;
  }
  return ok({ text, pieces });
}

/** Checks a pattern can be read back into a moment: one year, month and day; 12-hour clocks with AM/PM. */
export function checkReadablePattern(pattern: DatePattern): string | undefined {
  const used = pattern.pieces.flatMap((piece) => ("token" in piece ? [piece.token] : []));
  const count = (group: readonly Token[]): number => used.filter((token) => group.includes(token)).length;
  const groups: readonly (readonly [string, readonly Token[]])[] = [
    ["year (YYYY)", ["YYYY"]],
    ["month (MM, M, MMM or MMMM)", ["MMMM", "MMM", "MM", "M"]],
    ["day (DD or D)", ["DD", "D"]],
  ];
  for (const [name, group] of groups) {
    if (count(group) !== 1) return `pattern "${pattern.text}" needs exactly one ${name}`;
  }
  for (const [name, group] of [["an hour", ["HH", "H", "hh", "h"]], ["minutes", ["mm"]], ["seconds", ["ss"]], ["a fraction", ["SSS"]], ["an offset", ["Z"]]] as const) {
    if (count(group) > 1) return `pattern "${pattern.text}" has ${name} more than once`;
  }
  const twelveHour = count(["hh", "h"]) > 0;
  const meridiem = count(["A", "a"]);
  if (twelveHour && meridiem !== 1) return `pattern "${pattern.text}" uses a 12-hour clock (hh) and needs exactly one AM/PM (A)`;
  if (!twelveHour && meridiem > 0) return `pattern "${pattern.text}" has AM/PM (A) without a 12-hour clock (hh)`;
  return undefined;
}

/** Reads text written in the pattern; without a `Z` token the time is UTC. Errors say why, after the value. */
export function readWithPattern(text: string, pattern: DatePattern): Result<number, string> {
  const source = pattern.pieces.map((piece) => ("token" in piece ? tokenPatterns[piece.token] : escape(piece.literal))).join("");
  const match = new RegExp(`^${source}$`).exec(text.trim());
  if (match === null) return err(`is not a date in the format ${pattern.text}`);
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: 0 };
  let twelveHour: number | undefined;
  let afternoon = false;
  let group = 1;
  for (const piece of pattern.pieces) {
    if (!("token" in piece)) continue;
    const value = match[group++] ?? "";
    switch (piece.token) {
      case "YYYY": fields.year = Number(value); break;
      case "MMMM":
      case "MMM": {
        const month = monthNumber(value);
        if (month === undefined) return err(`is not a date in the format ${pattern.text} ("${value}" is not an English month name)`);
        fields.month = month;
        break;
      }
      case "MM": case "M": fields.month = Number(value); break;
      case "DD": case "D": fields.day = Number(value); break;
      case "HH": case "H": fields.hour = Number(value); break;
      case "hh": case "h": twelveHour = Number(value); break;
      case "mm": fields.minute = Number(value); break;
      case "ss": fields.second = Number(value); break;
      case "SSS": fields.millisecond = Number(value.slice(0, 3).padEnd(3, "0")); break;
      case "A": case "a": afternoon = value.toLowerCase() === "pm"; break;
      case "Z": fields.offsetMinutes = offsetMinutes(value); break;
    }
  }
  if (twelveHour !== undefined) {
    if (twelveHour < 1 || twelveHour > 12) return err(`is not a real date (hour ${String(twelveHour)} is out of range 1–12 on a 12-hour clock)`);
    fields.hour = (twelveHour % 12) + (afternoon ? 12 : 0);
  }
  const moment = partsToEpochMs(fields);
  return moment.ok ? moment : err(`is not a real date (${moment.error})`);
}

/** Writes a moment in the pattern, in UTC (`Z` writes `Z`). */
export function writeWithPattern(ms: number, pattern: DatePattern): string {
  const date = new Date(ms);
  const hour = date.getUTCHours();
  const values: Readonly<Record<Token, string>> = {
    YYYY: pad(date.getUTCFullYear(), 4),
    MMMM: monthName(date.getUTCMonth() + 1),
    MMM: monthName(date.getUTCMonth() + 1).slice(0, 3),
    MM: pad(date.getUTCMonth() + 1, 2),
    M: String(date.getUTCMonth() + 1),
    DD: pad(date.getUTCDate(), 2),
    D: String(date.getUTCDate()),
    HH: pad(hour, 2),
    H: String(hour),
    hh: pad(hour % 12 === 0 ? 12 : hour % 12, 2),
    h: String(hour % 12 === 0 ? 12 : hour % 12),
    mm: pad(date.getUTCMinutes(), 2),
    ss: pad(date.getUTCSeconds(), 2),
    SSS: pad(date.getUTCMilliseconds(), 3),
    A: hour < 12 ? "AM" : "PM",
    a: hour < 12 ? "am" : "pm",
    Z: "Z",
  };
  return pattern.pieces.map((piece) => ("token" in piece ? values[piece.token] : piece.literal)).join("");
}

function offsetMinutes(text: string): number {
  if (text === "Z" || text === "z") return 0;
  const digits = text.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return text.startsWith("-") ? -minutes : minutes;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
