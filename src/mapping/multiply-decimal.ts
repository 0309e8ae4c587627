import type { Rational } from "./billing-frequency.ts";
import type { Decimal } from "./decimal.ts";

// A product that does not end within this many decimals (×1/3) is rounded instead.
const exactDigits = 20;
const roundedDigits = 6;

/**
 * An exact decimal times a fraction: exact when the result ends within 20 decimals, else
 * rounded half away from zero to 6 decimals (or the amount's own scale plus 4, if more).
 */
export function multiplyDecimal(amount: Decimal, factor: Rational): Decimal {
  const negative = amount.negative !== factor.numerator < 0n;
  const numerator = amount.coefficient * (factor.numerator < 0n ? -factor.numerator : factor.numerator);
  const denominator = 10n ** BigInt(amount.scale) * factor.denominator;
  for (let scale = 0; scale <= exactDigits; scale++) {
    const scaled = numerator * 10n ** BigInt(scale);
    if (scaled % denominator === 0n) return { negative, coefficient: scaled / denominator, scale };
  }
  const scale = Math.max(roundedDigits, amount.scale + 4);
  const scaled = numerator * 10n ** BigInt(scale);
  const quotient = scaled / denominator;
  const rounded = (scaled % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return { negative, coefficient: rounded, scale };
}
