import { badRequest } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import type { EmulatorLimits } from "../options.ts";

export const filterOperators = [
  "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
  "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
] as const;
export type FilterOperator = (typeof filterOperators)[number];

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  value: string | undefined;
  highValue: string | undefined;
  values: string[] | undefined;
}

export interface SearchSort {
  propertyName: string;
  descending: boolean;
}

/** A search body, validated against HubSpot's limits. */
export interface SearchRequest {
  /** ORed groups of ANDed filters. */
  filterGroups: SearchFilter[][];
  sort: SearchSort | undefined;
  query: string | undefined;
  properties: string[];
  limit: number;
  /** Index of the first result (`after` is an offset). */
  offset: number;
}

const isOperator = (value: unknown): value is FilterOperator =>
  typeof value === "string" && (filterOperators as readonly string[]).includes(value);

/** Filter values arrive as strings, numbers or booleans (the SDK sends strings); search compares text. */
function scalar(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`Invalid filter: \`${field}\` must be a string, number or boolean.`);
}

function parseFilter(raw: unknown): SearchFilter {
  if (!isObject(raw)) throw badRequest("Invalid filter: each filter must be an object with propertyName and operator.");
  const propertyName = raw["propertyName"];
  if (typeof propertyName !== "string" || propertyName === "") throw badRequest("Invalid filter: `propertyName` is required.");
  const operator = raw["operator"];
  if (!isOperator(operator)) {
    throw badRequest(`Invalid filter on ${propertyName}: operator ${JSON.stringify(operator)} is not one of ${filterOperators.join(", ")}.`);
  }
  const valuesRaw = raw["values"];
  if (valuesRaw !== undefined && valuesRaw !== null && !Array.isArray(valuesRaw)) throw badRequest(`Invalid filter on ${propertyName}: \`values\` must be an array.`);
  const values = Array.isArray(valuesRaw) ? valuesRaw.map((v) => scalar(v, "values") ?? "") : undefined;
  const filter: SearchFilter = { propertyName, operator, value: scalar(raw["value"], "value"), highValue: scalar(raw["highValue"], "highValue"), values };
  const needsValue = operator !== "HAS_PROPERTY" && operator !== "NOT_HAS_PROPERTY" && operator !== "IN" && operator !== "NOT_IN";
  if (needsValue && filter.value === undefined) throw badRequest(`Invalid filter on ${propertyName}: operator ${operator} requires \`value\`.`);
  if (operator === "BETWEEN" && filter.highValue === undefined) throw badRequest(`Invalid filter on ${propertyName}: operator BETWEEN requires \`value\` and \`highValue\`.`);
  if ((operator === "IN" || operator === "NOT_IN") && values === undefined) throw badRequest(`Invalid filter on ${propertyName}: operator ${operator} requires \`values\`.`);
  return filter;
}

function parseFilterGroups(raw: unknown, limits: EmulatorLimits): SearchFilter[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest("Invalid input JSON: `filterGroups` must be an array.");
  if (raw.length > limits.searchMaxFilterGroups) {
    throw badRequest(`Too many filterGroups: ${raw.length} given, the limit is ${limits.searchMaxFilterGroups} filterGroups per search.`, {
      context: { maxFilterGroups: [String(limits.searchMaxFilterGroups)] },
    });
  }
  let total = 0;
  const groups = raw.map((group: unknown) => {
    const filters = isObject(group) ? group["filters"] : undefined;
    if (!Array.isArray(filters)) throw badRequest("Invalid input JSON: each filter group must be an object with a `filters` array.");
    if (filters.length > limits.searchMaxFiltersPerGroup) {
      throw badRequest(`Too many filters in a filterGroup: ${filters.length} given, the limit is ${limits.searchMaxFiltersPerGroup} filters per filterGroup.`, {
        context: { maxFiltersPerGroup: [String(limits.searchMaxFiltersPerGroup)] },
      });
    }
    total += filters.length;
    return filters.map(parseFilter);
  });
  if (total > limits.searchMaxFiltersTotal) {
    throw badRequest(`Too many filters: ${total} given across all filterGroups, the limit is ${limits.searchMaxFiltersTotal} filters per search.`, {
      context: { maxFilters: [String(limits.searchMaxFiltersTotal)] },
    });
  }
  return groups;
}

/** Sorts come as `{propertyName, direction}` (HubSpot's docs) or as strings, `"-name"` descending (the SDK types them as strings). */
function parseSort(raw: unknown): SearchSort {
  if (typeof raw === "string") {
    const text = raw.trim();
    if (text.startsWith("{")) {
      try {
        return parseSort(JSON.parse(text) as unknown);
      } catch {
        throw badRequest(`Invalid sort: ${JSON.stringify(raw)}.`);
      }
    }
    const descending = text.startsWith("-");
    const propertyName = text.replace(/^[-+]/, "");
    if (propertyName === "") throw badRequest(`Invalid sort: ${JSON.stringify(raw)}.`);
    return { propertyName, descending };
  }
  if (!isObject(raw) || typeof raw["propertyName"] !== "string" || raw["propertyName"] === "") {
    throw badRequest("Invalid sort: each sort must be a property name or an object with `propertyName` and `direction`.");
  }
  const direction = raw["direction"] ?? "ASCENDING";
  if (direction !== "ASCENDING" && direction !== "DESCENDING") {
    throw badRequest(`Invalid sort on ${raw["propertyName"]}: direction must be ASCENDING or DESCENDING, got ${JSON.stringify(direction)}.`);
  }
  return { propertyName: raw["propertyName"], descending: direction === "DESCENDING" };
}

function parseSorts(raw: unknown): SearchSort | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest("Invalid input JSON: `sorts` must be an array.");
  if (raw.length > 1) throw badRequest(`Too many sorts: ${raw.length} given, search accepts 1 sort rule.`, { context: { maxSorts: ["1"] } });
  return raw.length === 0 ? undefined : parseSort(raw[0]);
}

function parseInteger(raw: unknown, field: string): number | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw badRequest(`Invalid input JSON: \`${field}\` must be an integer, got ${JSON.stringify(raw)}.`);
  return n;
}

/** Validates a search body; every limit it breaks is a 400 VALIDATION_ERROR that names the limit. */
export function parseSearchRequest(body: Record<string, unknown>, limits: EmulatorLimits): SearchRequest {
  const filterGroups = parseFilterGroups(body["filterGroups"], limits);
  const sort = parseSorts(body["sorts"]);

  const queryRaw = body["query"];
  if (queryRaw !== undefined && queryRaw !== null && typeof queryRaw !== "string") throw badRequest("Invalid input JSON: `query` must be a string.");
  const query = typeof queryRaw === "string" && queryRaw.trim() !== "" ? queryRaw : undefined;
  if (query !== undefined && query.length > limits.searchMaxQueryLength) {
    throw badRequest(`The query is too long: ${query.length} characters, the limit is ${limits.searchMaxQueryLength} characters.`, {
      context: { maxQueryLength: [String(limits.searchMaxQueryLength)] },
    });
  }

  const propertiesRaw = body["properties"] ?? [];
  const properties = typeof propertiesRaw === "string" ? propertiesRaw.split(",") : propertiesRaw;
  if (!Array.isArray(properties) || !properties.every((p) => typeof p === "string")) throw badRequest("Invalid input JSON: `properties` must be an array of strings.");

  const limit = parseInteger(body["limit"], "limit") ?? 10;
  if (limit < 0) throw badRequest(`Invalid input JSON: \`limit\` must not be negative, got ${limit}.`);
  if (limit > limits.searchPageMax) {
    throw badRequest(`limit ${limit} is above the maximum page size of ${limits.searchPageMax} results per search page.`, {
      context: { maxLimit: [String(limits.searchPageMax)] },
    });
  }
  const offset = parseInteger(body["after"], "after") ?? 0;
  if (offset < 0) throw badRequest(`Invalid input JSON: \`after\` must not be negative, got ${offset}.`);
  if (offset + limit > limits.searchResultCap) {
    throw badRequest(
      `Search can page through at most ${limits.searchResultCap} results per query; after=${offset} with limit=${limit} reaches result ${offset + limit}. ` +
        "To read further, sort by hs_object_id ascending and start a new search with hs_object_id GT the last id seen.",
      { context: { maxResults: [String(limits.searchResultCap)] } },
    );
  }
  return { filterGroups, sort, query, properties: properties.map((p) => p.trim()).filter((p) => p !== ""), limit, offset };
}
