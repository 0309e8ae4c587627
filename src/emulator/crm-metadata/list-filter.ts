import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { PropertyValues } from "../state/stored-record.ts";
import type { FilterBranch } from "./crm-list.ts";

const invalid = (message: string): ApiError => new ApiError(400, "VALIDATION_ERROR", message);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Checks the shape HubSpot insists on: the root is an OR branch with no filters of its own,
 * whose children are AND branches (which may nest further).
 */
export function parseFilterBranch(value: unknown): FilterBranch {
  if (!isObject(value)) throw invalid("filterBranch must be an object.");
  if (value["filterBranchType"] !== "OR") throw invalid(`The root filterBranch must have filterBranchType OR, not ${String(value["filterBranchType"])}.`);
  if (asArray(value["filters"]).length > 0) throw invalid("The root OR filterBranch cannot have filters; put them in AND filterBranches under it.");
  for (const child of asArray(value["filterBranches"])) {
    if (!isObject(child) || child["filterBranchType"] !== "AND") throw invalid("Every filterBranch directly under the root OR branch must have filterBranchType AND.");
  }
  return value;
}

/**
 * Whether a record's values satisfy a list's filters. Property and constant filters are
 * evaluated; filters on events, associations or other lists never match in the emulator.
 */
export function matchesFilterBranch(branch: unknown, values: PropertyValues): boolean {
  if (!isObject(branch)) return false;
  const results = (): boolean[] => [
    ...asArray(branch["filters"]).map((filter) => matchesFilter(filter, values)),
    ...asArray(branch["filterBranches"]).map((child) => matchesFilterBranch(child, values)),
  ];
  switch (branch["filterBranchType"]) {
    case "OR":
      return results().some(Boolean);
    case "AND":
      return results().every(Boolean);
    case "NOT_ALL":
      return !results().every(Boolean);
    case "NOT_ANY":
      return !results().some(Boolean);
    default:
      return false;
  }
}

function matchesFilter(filter: unknown, values: PropertyValues): boolean {
  if (!isObject(filter)) return false;
  if (filter["filterType"] === "CONSTANT") return filter["shouldAccept"] === true;
  if (filter["filterType"] !== "PROPERTY" || typeof filter["property"] !== "string" || !isObject(filter["operation"])) return false;
  const operation = filter["operation"];
  const operator = operation["operator"];
  const raw = values[filter["property"]];
  const missing = raw === undefined || raw === "";
  if (operator === "IS_KNOWN") return !missing;
  if (operator === "IS_UNKNOWN") return missing;
  if (raw === undefined || missing) return operation["includeObjectsWithNoValueSet"] === true;
  switch (operation["operationType"]) {
    case "STRING":
      return typeof operation["value"] === "string" && matchesString(operator, raw, [operation["value"]]);
    case "MULTISTRING":
      return matchesString(operator, raw, asArray(operation["values"]).filter((v) => typeof v === "string"));
    case "NUMBER":
      return matchesNumber(operator, Number(raw), Number(operation["value"]));
    case "BOOL":
      return matchesBool(operator, raw, operation["value"]);
    case "ENUMERATION":
      return matchesEnumeration(operator, raw, asArray(operation["values"]).map(String));
    default:
      return false;
  }
}

/** String operators compare case-insensitively; with several values, positive ones need any to match, negative ones none. */
function matchesString(operator: unknown, raw: string, wanted: string[]): boolean {
  const value = raw.toLowerCase();
  const targets = wanted.map((w) => w.toLowerCase());
  const any = (test: (target: string) => boolean): boolean => targets.some(test);
  switch (operator) {
    case "IS_EQUAL_TO":
      return any((t) => value === t);
    case "IS_NOT_EQUAL_TO":
      return !any((t) => value === t);
    case "CONTAINS":
      return any((t) => value.includes(t));
    case "DOES_NOT_CONTAIN":
      return !any((t) => value.includes(t));
    case "STARTS_WITH":
      return any((t) => value.startsWith(t));
    case "ENDS_WITH":
      return any((t) => value.endsWith(t));
    default:
      return false;
  }
}

function matchesNumber(operator: unknown, value: number, target: number): boolean {
  if (Number.isNaN(value) || Number.isNaN(target)) return false;
  switch (operator) {
    case "IS_EQUAL_TO":
      return value === target;
    case "IS_NOT_EQUAL_TO":
      return value !== target;
    case "IS_GREATER_THAN":
      return value > target;
    case "IS_GREATER_THAN_OR_EQUAL_TO":
      return value >= target;
    case "IS_LESS_THAN":
      return value < target;
    case "IS_LESS_THAN_OR_EQUAL_TO":
      return value <= target;
    default:
      return false;
  }
}

function matchesBool(operator: unknown, raw: string, target: unknown): boolean {
  const equal = raw.toLowerCase() === String(target).toLowerCase();
  if (operator === "IS_EQUAL_TO") return equal;
  if (operator === "IS_NOT_EQUAL_TO") return !equal;
  return false;
}

/** Enumeration values are `;`-separated for multi-selects; the operators compare sets. */
function matchesEnumeration(operator: unknown, raw: string, wanted: string[]): boolean {
  const have = new Set(raw.split(";").map((v) => v.trim().toLowerCase()).filter((v) => v !== ""));
  const want = wanted.map((v) => v.toLowerCase());
  const exactly = want.length === have.size && want.every((v) => have.has(v));
  switch (operator) {
    case "IS_ANY_OF":
      return want.some((v) => have.has(v));
    case "IS_NONE_OF":
      return !want.some((v) => have.has(v));
    case "IS_EXACTLY":
      return exactly;
    case "IS_NOT_EXACTLY":
      return !exactly;
    case "CONTAINS_ALL":
      return want.every((v) => have.has(v));
    case "DOES_NOT_CONTAIN_ALL":
      return !want.every((v) => have.has(v));
    default:
      return false;
  }
}
