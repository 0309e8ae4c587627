import { decimalFromNumber } from "./decimal.ts";

/** A per-year factor as a fraction, so `per_three_years` is exactly 1/3. */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** HubSpot's `recurringbillingfrequency` options (deals, line items), in order. */
export const hubspotBillingFrequencies = [
  "weekly",
  "biweekly",
  "monthly",
  "quarterly",
  "per_six_months",
  "annually",
  "per_two_years",
  "per_three_years",
  "per_four_years",
  "per_five_years",
] as const;

const perYear = (numerator: number, denominator = 1): Rational => ({ numerator: BigInt(numerator), denominator: BigInt(denominator) });

// HubSpot's vocabulary plus the words billing systems commonly use. "biannual" and "bimonthly"
// are left out on purpose: people use each for two different periods.
const factors: ReadonlyMap<string, Rational> = new Map([
  ...(["weekly", "week", "per_week"] as const).map((name) => [name, perYear(52)] as const),
  ...(["biweekly", "fortnightly", "every_two_weeks"] as const).map((name) => [name, perYear(26)] as const),
  ...(["monthly", "month", "per_month"] as const).map((name) => [name, perYear(12)] as const),
  ...(["quarterly", "quarter", "per_quarter"] as const).map((name) => [name, perYear(4)] as const),
  ...(["per_six_months", "semiannual", "semiannually", "semi_annual", "semi_annually", "half_yearly"] as const).map((name) => [name, perYear(2)] as const),
  ...(["annually", "annual", "yearly", "year", "per_year"] as const).map((name) => [name, perYear(1)] as const),
  ...(["per_two_years", "biennial", "biennially"] as const).map((name) => [name, perYear(1, 2)] as const),
  ["per_three_years", perYear(1, 3)],
  ["per_four_years", perYear(1, 4)],
  ["per_five_years", perYear(1, 5)],
]);

/** `Per Six Months`, `per-six-months` and `per_six_months` are one name. */
export function normalizePeriodName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * How many of a billing period fit in a year, from the built-in vocabulary or the sync's own
 * `factors` (which win); undefined when the period is unknown.
 */
export function periodsPerYear(period: string, extra: Readonly<Record<string, number>> = {}): Rational | undefined {
  const name = normalizePeriodName(period);
  for (const [key, factor] of Object.entries(extra)) {
    if (normalizePeriodName(key) !== name) continue;
    const decimal = decimalFromNumber(factor);
    if (decimal === undefined) return undefined;
    return { numerator: decimal.negative ? -decimal.coefficient : decimal.coefficient, denominator: 10n ** BigInt(decimal.scale) };
  }
  return factors.get(name);
}
