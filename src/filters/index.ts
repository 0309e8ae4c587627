/**
 * Filters: one tree built from a stream's `filters:` (conditions ANDed) and its translations —
 * HubSpot search filterGroups where search means exactly the same, an in-memory predicate for
 * every operator (with HubSpot's comparison rules), and words for people. Pure: no I/O.
 */
export { filterAst, filterProperties, type FilterAst, type FilterCondition } from "./filter-ast.ts";
export { compareKindOf, type CompareKind, type FilterProperties, type FilterPropertyInfo } from "./filter-property.ts";
export { toPredicate, type FilterPredicate, type FilterRecord } from "./to-predicate.ts";
export { toSearchFilterGroups, type PushedFilter, type PushedFilterGroup, type PushedOperator, type SearchTranslation } from "./to-search-filter-groups.ts";
export { describeFilter } from "./describe-filter.ts";
