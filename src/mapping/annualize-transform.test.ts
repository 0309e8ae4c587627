import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Result } from "../core/result.ts";
import { applyTransform } from "./apply-transforms.ts";
import { defaultNumberFormat, type NumberFormat } from "./number-format.ts";
import { transformSchema } from "./transform-schema.ts";

function annualize(config: Record<string, unknown>, amount: unknown, row: Record<string, unknown> = {}, numberFormat: NumberFormat = defaultNumberFormat): Result<unknown, string> {
  return applyTransform(transformSchema.parse({ type: "annualize", ...config }), amount, { row, numberFormat });
}

describe("annualize", () => {
  test("every HubSpot recurringbillingfrequency gives its per-year amount, exactly", () => {
    const expected: Record<string, string> = {
      weekly: "5200",
      biweekly: "2600",
      monthly: "1200",
      quarterly: "400",
      per_six_months: "200",
      annually: "100",
      per_two_years: "50",
      per_three_years: "33.333333",
      per_four_years: "25",
      per_five_years: "20",
    };
    for (const [period, annual] of Object.entries(expected)) {
      assert.deepEqual(annualize({ periodColumn: "recurringbillingfrequency" }, "100", { recurringbillingfrequency: period }), { ok: true, value: annual }, period);
    }
  });

  test("everyday words for the same periods", () => {
    const cases: [string, string][] = [
      ["Monthly", "120"],
      ["month", "120"],
      ["Quarterly", "40"],
      ["semiannual", "20"],
      ["Semi-Annually", "20"],
      ["half yearly", "20"],
      ["Per Six Months", "20"],
      ["annual", "10"],
      ["Yearly", "10"],
      ["weekly", "520"],
      ["fortnightly", "260"],
      ["biennial", "5"],
    ];
    for (const [period, annual] of cases) assert.deepEqual(annualize({ period }, 10), { ok: true, value: annual }, period);
  });

  test("decimal arithmetic never drifts like floats (0.1 × 12, 99.99 × 12)", () => {
    assert.deepEqual(annualize({ period: "monthly" }, 0.1), { ok: true, value: "1.2" });
    assert.deepEqual(annualize({ period: "monthly" }, "99.99"), { ok: true, value: "1199.88" });
    assert.deepEqual(annualize({ period: "quarterly" }, "12345678901234567.89"), { ok: true, value: "49382715604938271.56" });
    assert.deepEqual(annualize({ period: "per_three_years" }, "1000"), { ok: true, value: "333.333333" });
    assert.deepEqual(annualize({ period: "per_three_years" }, "2000"), { ok: true, value: "666.666667" });
    assert.deepEqual(annualize({ period: "monthly" }, -5), { ok: true, value: "-60" });
    assert.deepEqual(annualize({ period: "monthly" }, 5n), { ok: true, value: "60" });
  });

  test("the amount is read in the field's number format", () => {
    assert.deepEqual(annualize({ period: "monthly" }, "1.000,50", {}, { decimal: ",", thousands: "." }), { ok: true, value: "12006" });
    assert.deepEqual(annualize({ period: "monthly" }, "1,000.50"), {
      ok: false,
      error: 'amount "1,000.50" is not a number: it groups thousands with "," (set numberFormat: { thousands: "," } to read it)',
    });
  });

  test("factors add periods or override built-in ones", () => {
    assert.deepEqual(annualize({ period: "per_eight_weeks", factors: { per_eight_weeks: 6.5 } }, 100), { ok: true, value: "650" });
    assert.deepEqual(annualize({ periodColumn: "p", factors: { Monthly: 13 } }, 100, { p: "monthly" }), { ok: true, value: "1300" });
  });

  test("a missing period fails the row unless one-off amounts are kept", () => {
    assert.deepEqual(annualize({ periodColumn: "p" }, "100", { p: null }), {
      ok: false,
      error: 'the billing period (column "p") is empty (set missingPeriod: keep to send one-off amounts as they are)',
    });
    assert.deepEqual(annualize({ periodColumn: "p", missingPeriod: "keep" }, "100.50", { p: "" }), { ok: true, value: "100.5" });
    assert.deepEqual(annualize({ periodColumn: "p" }, "100", {}), { ok: false, error: 'the row has no column "p"' });
  });

  test("an unknown period or a non-number amount is named", () => {
    assert.deepEqual(annualize({ periodColumn: "p" }, "100", { p: "bimonthly" }), {
      ok: false,
      error:
        'billing period "bimonthly" is not one of weekly, biweekly, monthly, quarterly, per_six_months, annually, per_two_years, per_three_years, per_four_years, per_five_years (add it under factors with its periods per year)',
    });
    assert.deepEqual(annualize({ periodColumn: "p" }, "100", { p: 12 }), { ok: false, error: "billing period 12 is not text" });
    assert.deepEqual(annualize({ period: "monthly" }, "lots"), { ok: false, error: 'amount "lots" is not a number' });
    assert.deepEqual(annualize({ period: "monthly" }, null), { ok: true, value: null });
  });
});
