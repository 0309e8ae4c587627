import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import { normalizeValue } from "./normalize-value.ts";
import { propertyValuesError, type PropertyProblem } from "./property-problem.ts";

/** What a type's values are checked against. */
export interface PropertyRules {
  type: ObjectType;
  registry: PropertyRegistry;
  portalId: number;
  /** Whether an id names one of the portal's owners (`hubspot_owner_id`). */
  isOwner: (id: string) => boolean;
}

export type ValidatedProperties = { ok: true; values: Record<string, string> } | { ok: false; error: ApiError };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a request's `properties` object and returns the values as HubSpot would store them.
 * `""` (or null) clears a value and is never type-checked. Every problem is reported at once,
 * as HubSpot's validation results are.
 */
export function validateProperties(rules: PropertyRules, raw: unknown): ValidatedProperties {
  if (raw === undefined) return { ok: true, values: {} };
  if (!isObject(raw)) return { ok: false, error: new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: `properties` must be an object of property names to values.") };
  const values: Record<string, string> = {};
  const problems: PropertyProblem[] = [];
  for (const [name, given] of Object.entries(raw)) {
    const text = asText(given);
    if (text === undefined) {
      return { ok: false, error: new ApiError(400, "VALIDATION_ERROR", `Invalid input JSON: the value of property "${name}" must be a string, number or boolean.`) };
    }
    const definition = rules.registry.get(name);
    if (definition === undefined) {
      problems.push({ name, error: "PROPERTY_DOESNT_EXIST", message: `Property "${name}" does not exist` });
      continue;
    }
    if (definition.modificationMetadata.readOnlyValue) {
      problems.push({ name, error: "READ_ONLY_VALUE", message: `${name} is a read only property; its value cannot be set.` });
      continue;
    }
    if (text === "") {
      values[name] = "";
      continue;
    }
    if (name === "hubspot_owner_id") {
      if (rules.isOwner(text)) values[name] = text;
      else problems.push({ name, error: "INVALID_OPTION", message: `${text} was not one of the allowed options: it is not the id of an owner in this portal` });
      continue;
    }
    if (name === "email" && rules.type.name === "contacts") {
      // HubSpot keeps contact emails in lower case; uniqueness is case-insensitive anyway.
      if (EMAIL.test(text)) values[name] = text.toLowerCase();
      else problems.push({ name, error: "INVALID_EMAIL", message: `Email address ${text} is invalid` });
      continue;
    }
    const normalized = normalizeValue(definition, text);
    if (normalized.ok) values[name] = normalized.value;
    else problems.push({ name, error: normalized.error, message: normalized.message });
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, error: propertyValuesError(problems, rules.portalId) };
}

/** HubSpot's values are strings, but it accepts JSON numbers and booleans and stringifies them. */
function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value === null) return "";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}
