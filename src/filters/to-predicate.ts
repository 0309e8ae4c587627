import type { FilterAst, FilterCondition } from "./filter-ast.ts";
import { filterNumber } from "./filter-number.ts";
import { compareKindOf, type FilterProperties, type FilterPropertyInfo } from "./filter-property.ts";

/** A record's properties as HubSpot sends them: text, null, or absent. */
export type FilterRecord = Readonly<Record<string, string | null | undefined>>;

export type FilterPredicate = (properties: FilterRecord) => boolean;

/**
 * The filter as an in-memory test, with HubSpot's search semantics where search has the
 * operator (so a record matches locally exactly when search would return it): empty and
 * absent values are alike; negations (neq, not_in, not_contains) match empty values; text is
 * compared case-insensitively, enumeration values exactly, numbers and dates as numbers.
 * contains, starts_with and ends_with are case-insensitive substring, prefix and suffix tests.
 */
export function toPredicate(ast: FilterAst, properties: FilterProperties = new Map()): FilterPredicate {
  const tests = ast.conditions.map((condition) => conditionTest(condition, properties.get(condition.property)));
  return (record) => tests.every((test) => test(record));
}

type Test = (record: FilterRecord) => boolean;

function conditionTest(condition: FilterCondition, info: FilterPropertyInfo | undefined): Test {
  const { property } = condition;
  const read = (record: FilterRecord): string | undefined => {
    const value = record[property];
    return value === null || value === undefined || value === "" ? undefined : value;
  };
  switch (condition.operator) {
    case "is_empty":
      return (r) => read(r) === undefined;
    case "is_not_empty":
      return (r) => read(r) !== undefined;
    case "contains":
    case "not_contains":
    case "starts_with":
    case "ends_with": {
      const wanted = condition.value.toLowerCase();
      const positive = condition.operator !== "not_contains";
      const found = (v: string): boolean => {
        const text = v.toLowerCase();
        if (condition.operator === "starts_with") return text.startsWith(wanted);
        if (condition.operator === "ends_with") return text.endsWith(wanted);
        return text.includes(wanted);
      };
      return (r) => {
        const v = read(r);
        return v === undefined ? !positive : found(v) === positive;
      };
    }
    case "in":
    case "not_in": {
      const same = sameAs(info);
      const inside = condition.operator === "in";
      const wanted = condition.values.map((x) => same.prepare(x));
      return (r) => {
        const v = read(r);
        if (v === undefined) return !inside;
        return wanted.some((x) => same.equal(v, x)) === inside;
      };
    }
    case "eq":
    case "neq": {
      const same = sameAs(info);
      const equal = condition.operator === "eq";
      const wanted = same.prepare(condition.value);
      return (r) => {
        const v = read(r);
        if (v === undefined) return !equal;
        return same.equal(v, wanted) === equal;
      };
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const order = orderOf(info, condition.value);
      const holds = { gt: (c: number) => c > 0, gte: (c: number) => c >= 0, lt: (c: number) => c < 0, lte: (c: number) => c <= 0 }[condition.operator];
      return (r) => {
        const v = read(r);
        const c = v === undefined ? undefined : order(v);
        return c !== undefined && holds(c);
      };
    }
    default: {
      const _exhaustive: never = condition;
      return _exhaustive;
    }
  }
}

interface Sameness {
  /** The filter value in the form `equal` compares with. */
  prepare(value: string): string | number;
  equal(recordValue: string, prepared: string | number): boolean;
}

/** Equality per compare kind; a number filter whose value is not a number compares as text. */
function sameAs(info: FilterPropertyInfo | undefined): Sameness {
  switch (compareKindOf(info)) {
    case "number":
      return {
        prepare: (x) => {
          const n = filterNumber(x, info);
          return Number.isNaN(n) ? x.toLowerCase() : n;
        },
        equal: (v, x) => (typeof x === "number" ? filterNumber(v, info) === x : v.toLowerCase() === x),
      };
    case "enumeration":
      return { prepare: (x) => x, equal: (v, x) => v === x };
    case "multi":
      return { prepare: (x) => x, equal: (v, x) => v.split(";").includes(String(x)) };
    case "text":
      return { prepare: (x) => x.toLowerCase(), equal: (v, x) => v.toLowerCase() === x };
  }
}

/** `value` compared with the filter's value: <0, 0, >0, or undefined when they cannot be ordered. */
function orderOf(info: FilterPropertyInfo | undefined, filterValue: string): (value: string) => number | undefined {
  const kind = compareKindOf(info);
  if (kind === "number") {
    const x = filterNumber(filterValue, info);
    if (!Number.isNaN(x)) {
      return (v) => {
        const n = filterNumber(v, info);
        return Number.isNaN(n) ? undefined : n - x;
      };
    }
  }
  const key = (s: string): string => (kind === "enumeration" || kind === "multi" ? s : s.toLowerCase());
  const x = key(filterValue);
  return (v) => {
    const k = key(v);
    return k < x ? -1 : k > x ? 1 : 0;
  };
}
