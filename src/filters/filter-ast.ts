import type { FilterConfig, ListOperator, PresenceOperator, ValueOperator } from "../config/index.ts";

/** One condition with its values as the text HubSpot compares (numbers and booleans written out). */
export type FilterCondition =
  | { property: string; operator: ValueOperator; value: string }
  | { property: string; operator: ListOperator; values: readonly string[] }
  | { property: string; operator: PresenceOperator };

/**
 * A stream's filter: conditions ANDed (what `filters:` in hubsync.yaml means). One tree that
 * becomes a HubSpot search, an in-memory predicate or a description; an empty list matches all.
 */
export interface FilterAst {
  kind: "all";
  conditions: readonly FilterCondition[];
}

/** The filter tree of a stream's `filters:`. */
export function filterAst(filters: readonly FilterConfig[]): FilterAst {
  return { kind: "all", conditions: filters.map(conditionOf) };
}

function conditionOf(filter: FilterConfig): FilterCondition {
  if ("value" in filter) return { property: filter.property, operator: filter.operator, value: String(filter.value) };
  if ("values" in filter) return { property: filter.property, operator: filter.operator, values: filter.values.map(String) };
  return { property: filter.property, operator: filter.operator };
}

/** The properties a filter reads, once each, in order. */
export function filterProperties(ast: FilterAst): string[] {
  return [...new Set(ast.conditions.map((c) => c.property))];
}
