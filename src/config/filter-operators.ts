/** Operators that compare a property with one value. */
export const valueOperators = [
  "eq",
  "neq",
  "contains",
  "not_contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "starts_with",
  "ends_with",
] as const;
/** Operators that test a property against a list of values. */
export const listOperators = ["in", "not_in"] as const;
/** Operators that test whether a property has a value at all. */
export const presenceOperators = ["is_empty", "is_not_empty"] as const;

/** Every filter operator, in the order the docs list them. */
export const filterOperators = [
  "eq",
  "neq",
  "contains",
  "not_contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "is_empty",
  "is_not_empty",
  "starts_with",
  "ends_with",
  "in",
  "not_in",
] as const satisfies readonly FilterOperator[];

export type ValueOperator = (typeof valueOperators)[number];
export type ListOperator = (typeof listOperators)[number];
export type PresenceOperator = (typeof presenceOperators)[number];
export type FilterOperator = ValueOperator | ListOperator | PresenceOperator;
// Fails to compile when an operator is added to a group but not to the list above.
const _everyOperatorListed: [Exclude<FilterOperator, (typeof filterOperators)[number]>] extends [never] ? true : false = true;
void _everyOperatorListed;

export const isValueOperator = (op: FilterOperator): op is ValueOperator => (valueOperators as readonly string[]).includes(op);
export const isListOperator = (op: FilterOperator): op is ListOperator => (listOperators as readonly string[]).includes(op);
