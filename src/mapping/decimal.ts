/**
 * An exact decimal number: sign × coefficient × 10^-scale. Numbers travel as decimal text so
 * that `"12345678901234567890"` or `0.1 × 12` never pass through a float and lose digits.
 */
export interface Decimal {
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly scale: number;
}

// Exponents past this are not amounts anyone means; refusing them keeps bigint work small.
const largestExponent = 400;
const plainPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Decimal text with a `.` separator and an optional exponent (`-12.50`, `1e3`, `.5`); undefined otherwise. */
export function parsePlainDecimal(text: string): Decimal | undefined {
  const match = plainPattern.exec(text);
  if (match === null) return undefined;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > largestExponent) return undefined;
  const scale = fraction.length - exponent;
  const coefficient = BigInt(`${whole}${fraction}` || "0");
  if (scale >= 0) return { negative: sign === "-", coefficient, scale };
  return { negative: sign === "-", coefficient: coefficient * 10n ** BigInt(-scale), scale: 0 };
}

/** A finite JS number as the decimal it prints as (its shortest round-trip form); undefined for NaN and ±Infinity. */
export function decimalFromNumber(value: number): Decimal | undefined {
  return Number.isFinite(value) ? parsePlainDecimal(String(value)) : undefined;
}

export function decimalFromBigInt(value: bigint): Decimal {
  return { negative: value < 0n, coefficient: value < 0n ? -value : value, scale: 0 };
}

/** Canonical text: no exponent, no trailing fraction zeros, no leading zeros, never `-0`. */
export function formatDecimal(value: Decimal): string {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  const digits = coefficient.toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  const sign = value.negative && coefficient !== 0n ? "-" : "";
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** The value as a JS number (may round); for arithmetic on epoch timestamps only. */
export function decimalToNumber(value: Decimal): number {
  return Number(formatDecimal(value));
}

/** True when the decimal has no fractional part. */
export function isWholeDecimal(value: Decimal): boolean {
  return value.scale === 0 || value.coefficient % 10n ** BigInt(value.scale) === 0n;
}
