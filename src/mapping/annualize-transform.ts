import { err, ok, type Result } from "../core/result.ts";
import { hubspotBillingFrequencies, periodsPerYear } from "./billing-frequency.ts";
import { toDecimal } from "./coerce-number.ts";
import { formatDecimal } from "./decimal.ts";
import { isEmptyValue } from "./is-empty-value.ts";
import { multiplyDecimal } from "./multiply-decimal.ts";
import { showValue } from "./show-value.ts";
import { columnValue, type TransformContext } from "./transform-context.ts";
import type { Transform } from "./transform-schema.ts";

type Annualize = Extract<Transform, { type: "annualize" }>;

/** An amount per billing period as an amount per year, in exact decimal arithmetic (`99.99` monthly → `1199.88`). */
export function applyAnnualize(value: unknown, transform: Annualize, context: TransformContext): Result<unknown, string> {
  if (isEmptyValue(value)) return ok(value);
  const amount = toDecimal(value, context.numberFormat);
  if (!amount.ok) return err(`amount ${showValue(value)} ${amount.error}`);
  let period: unknown = transform.period;
  if (transform.periodColumn !== undefined) {
    const found = columnValue(context, transform.periodColumn);
    if (!found.ok) return found;
    period = found.value;
  }
  if (isEmptyValue(period)) {
    if (transform.missingPeriod === "keep") return ok(formatDecimal(amount.value));
    return err(`the billing period (column "${transform.periodColumn ?? ""}") is empty (set missingPeriod: keep to send one-off amounts as they are)`);
  }
  if (typeof period !== "string") return err(`billing period ${showValue(period)} is not text`);
  const factor = periodsPerYear(period, transform.factors);
  if (factor === undefined) {
    return err(`billing period ${showValue(period)} is not one of ${hubspotBillingFrequencies.join(", ")} (add it under factors with its periods per year)`);
  }
  return ok(formatDecimal(multiplyDecimal(amount.value, factor)));
}
