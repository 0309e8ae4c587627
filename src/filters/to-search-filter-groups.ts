import type { FilterAst, FilterCondition } from "./filter-ast.ts";
import { filterNumber } from "./filter-number.ts";
import { compareKindOf, type FilterProperties, type FilterPropertyInfo } from "./filter-property.ts";

/** The HubSpot search operators a filter can become (a subset of search's). */
export type PushedOperator = "EQ" | "NEQ" | "GT" | "GTE" | "LT" | "LTE" | "IN" | "NOT_IN" | "HAS_PROPERTY" | "NOT_HAS_PROPERTY";

/** A search filter, in the shape of HubSpot's search body (and of the client's `SearchFilter`). */
export interface PushedFilter {
  propertyName: string;
  operator: PushedOperator;
  value?: string;
  values?: string[];
}

export interface PushedFilterGroup {
  filters: PushedFilter[];
}

/** The filter as search filterGroups, or why it cannot be sent to search without changing its meaning. */
export type SearchTranslation = { pushable: true; filterGroups: PushedFilterGroup[] } | { pushable: false; reason: string };

/**
 * The filter as HubSpot search filterGroups, when search means exactly what the in-memory
 * predicate means: eq/neq, in/not_in, is_empty (NOT_HAS_PROPERTY), is_not_empty
 * (HAS_PROPERTY), and gt/gte/lt/lte on numbers and dates. contains, not_contains, starts_with
 * and ends_with are not (search's CONTAINS_TOKEN matches whole words), nor are ranges on text,
 * nor properties HubSpot does not define (search answers 400 for those).
 */
export function toSearchFilterGroups(ast: FilterAst, properties: FilterProperties): SearchTranslation {
  if (ast.conditions.length === 0) return { pushable: true, filterGroups: [] };
  const filters: PushedFilter[] = [];
  for (const condition of ast.conditions) {
    const info = properties.get(condition.property);
    if (info === undefined) return { pushable: false, reason: `property ${condition.property} is not defined in HubSpot` };
    const pushed = pushCondition(condition, info);
    if (typeof pushed === "string") return { pushable: false, reason: pushed };
    filters.push(pushed);
  }
  return { pushable: true, filterGroups: [{ filters }] };
}

function pushCondition(condition: FilterCondition, info: FilterPropertyInfo): PushedFilter | string {
  const propertyName = condition.property;
  const kind = compareKindOf(info);
  switch (condition.operator) {
    case "is_empty":
      return { propertyName, operator: "NOT_HAS_PROPERTY" };
    case "is_not_empty":
      return { propertyName, operator: "HAS_PROPERTY" };
    case "contains":
    case "not_contains":
    case "starts_with":
    case "ends_with":
      return `${condition.operator} has no exact equivalent in HubSpot search`;
    case "eq":
    case "neq": {
      const value = searchValue(condition.value, info);
      if (value === undefined) return `${condition.value} is not a valid ${info.type} for ${propertyName}`;
      return { propertyName, operator: condition.operator === "eq" ? "EQ" : "NEQ", value };
    }
    case "in":
    case "not_in": {
      const values: string[] = [];
      for (const raw of condition.values) {
        const value = searchValue(raw, info);
        if (value === undefined) return `${raw} is not a valid ${info.type} for ${propertyName}`;
        // HubSpot indexes text lowercased and compares IN values as given.
        values.push(kind === "text" ? value.toLowerCase() : value);
      }
      return { propertyName, operator: condition.operator === "in" ? "IN" : "NOT_IN", values };
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      if (kind !== "number") return `${condition.operator} on a ${info.type} property compares text, which search does not promise to order as hubsync does`;
      const value = searchValue(condition.value, info);
      if (value === undefined) return `${condition.value} is not a valid ${info.type} for ${propertyName}`;
      return { propertyName, operator: condition.operator.toUpperCase() as "GT" | "GTE" | "LT" | "LTE", value };
    }
    default: {
      const _exhaustive: never = condition;
      return _exhaustive;
    }
  }
}

/** Numbers and dates go to search as numbers (dates as epoch ms, which HubSpot always accepts). */
function searchValue(raw: string, info: FilterPropertyInfo): string | undefined {
  if (compareKindOf(info) !== "number") return raw;
  const n = filterNumber(raw, info);
  return Number.isNaN(n) ? undefined : String(n);
}
