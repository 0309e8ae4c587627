import type { PropertyDefinition } from "../state/property-definition.ts";
import { isMidnightUtc, isoDate, isoDateTime, parseInstant, utcTimeOfDay } from "./date-values.ts";
import type { PropertyErrorCode } from "./property-problem.ts";

export type NormalizedValue = { ok: true; value: string } | { ok: false; error: PropertyErrorCode; message: string };

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ok = (value: string): NormalizedValue => ({ ok: true, value });
const fail = (error: PropertyErrorCode, message: string): NormalizedValue => ({ ok: false, error, message });

/**
 * Checks a non-empty value against its property's type and returns the form HubSpot stores
 * (dates as `YYYY-MM-DD`, date-times as ISO with ms and `Z`, booleans lowercase). Values are
 * not trimmed: HubSpot refuses surrounding spaces on non-string properties.
 */
export function normalizeValue(definition: PropertyDefinition, value: string): NormalizedValue {
  switch (definition.type) {
    case "string":
    case "phone_number":
      return ok(value);
    case "number":
      if (NUMBER.test(value)) return ok(value);
      return value.includes(".")
        ? fail("INVALID_DECIMAL", `${value} was not a valid decimal.`)
        : fail("INVALID_INTEGER", `${value} was not a valid number.`);
    case "bool": {
      const lower = value.toLowerCase();
      return lower === "true" || lower === "false" ? ok(lower) : fail("INVALID_OPTION", `${value} was not one of the allowed options: [true, false]`);
    }
    case "date": {
      const ms = parseInstant(value);
      if (ms === undefined) return fail("INVALID_DATE", `${value} is not a valid date. Use YYYY-MM-DD or epoch milliseconds at midnight UTC.`);
      if (!isMidnightUtc(ms)) return fail("INVALID_DATE", `${value} is at ${utcTimeOfDay(ms)} UTC, not midnight!`);
      return ok(isoDate(ms));
    }
    case "datetime": {
      const ms = parseInstant(value);
      return ms === undefined
        ? fail("INVALID_DATETIME", `${value} is not a valid date-time. Use ISO-8601 or epoch milliseconds.`)
        : ok(isoDateTime(ms));
    }
    case "enumeration":
      return normalizeOption(definition, value);
  }
}

function normalizeOption(definition: PropertyDefinition, value: string): NormalizedValue {
  // Options maintained elsewhere (owners, pipelines with external options) are checked by their owner.
  if (definition.externalOptions) return ok(value);
  const allowed = new Set(definition.options.map((o) => o.value));
  const multi = definition.fieldType === "checkbox";
  const chosen = multi ? value.split(";").filter((v) => v !== "") : [value];
  const bad = chosen.find((v) => !allowed.has(v));
  if (bad === undefined) return ok(chosen.join(";"));
  return fail("INVALID_OPTION", `${bad} was not one of the allowed options: [${[...allowed].join(", ")}]`);
}
