import { z } from "zod";
import { err, ok, type Result } from "../core/result.ts";
import { parsePlainDecimal, type Decimal } from "./decimal.ts";

export const decimalSeparators = [".", ","] as const;
/** `none` (the default) reads `1,234` as an error rather than guessing whether `,` groups thousands or marks decimals. */
export const thousandsSeparators = ["none", ",", ".", " ", "'", "_"] as const;

/** How numbers written as text are read: which character separates decimals and which (if any) groups thousands. */
export interface NumberFormat {
  readonly decimal: (typeof decimalSeparators)[number];
  readonly thousands: (typeof thousandsSeparators)[number];
}

export const defaultNumberFormat: NumberFormat = { decimal: ".", thousands: "none" };

/** `numberFormat:` in a field mapping. */
export const numberFormatSchema = z
  .strictObject({
    decimal: z.enum(decimalSeparators).default(".").describe('The decimal separator in the source\'s number text: "." (default) or ",".'),
    thousands: z
      .enum(thousandsSeparators)
      .default("none")
      .describe('The thousands separator in the source\'s number text: "none" (default: a separator is an error), ",", ".", " ", "\'" or "_".'),
  })
  .refine((format) => format.decimal !== format.thousands, { error: "decimal and thousands separators must differ" })
  .describe("How numbers written as text are read (1,234.5 needs thousands: \",\"; 1.234,5 needs decimal: \",\" and thousands: \".\").");

const spaces = /[\u00a0\u202f]/g;
const groupedLike = /^[+-]?\d{1,3}(?:([,.' _])\d{3})+(?:[.,]\d+)?$/;

/**
 * Number text read in a given format into an exact decimal. Grouping must be real
 * (`1,23,4` is refused), and a separator the format does not name is refused with the
 * setting that would read it — never guessed, never truncated.
 */
export function parseNumberText(text: string, format: NumberFormat): Result<Decimal, string> {
  const trimmed = format.thousands === " " ? text.trim().replace(spaces, " ") : text.trim();
  const decimal = escape(format.decimal);
  const whole = format.thousands === "none" ? String.raw`\d*` : String.raw`(?:\d{1,3}(?:${escape(format.thousands)}\d{3})+|\d*)`;
  const pattern = new RegExp(String.raw`^([+-]?)(${whole})(?:${decimal}(\d*))?(?:[eE]([+-]?\d+))?$`);
  const match = pattern.exec(trimmed);
  if (match !== null) {
    const [, sign = "", wholeText = "", fraction = "", exponent] = match;
    const digits = format.thousands === "none" ? wholeText : wholeText.split(format.thousands).join("");
    const plain = `${sign}${digits}${fraction === "" ? "" : `.${fraction}`}${exponent === undefined ? "" : `e${exponent}`}`;
    const parsed = parsePlainDecimal(plain);
    if (parsed !== undefined) return ok(parsed);
  }
  return err(notANumber(trimmed, format));
}

function notANumber(text: string, format: NumberFormat): string {
  const grouped = groupedLike.exec(text);
  if (grouped !== null && format.thousands === "none") {
    const separator = grouped[1] ?? ",";
    return `is not a number: it groups thousands with "${separator}" (set numberFormat: { thousands: "${separator}" } to read it)`;
  }
  if (format.decimal === "." && format.thousands !== "," && /^[+-]?\d+,\d+$/.test(text)) {
    return 'is not a number: "," is not the decimal separator (set numberFormat: { decimal: "," } if it is)';
  }
  if (/\d/.test(text) && /[^\d\s.,'_+\-eE]/.test(text)) {
    return "is not a number: only digits, a sign and separators are read (remove currency symbols, units and words first)";
  }
  return "is not a number";
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
