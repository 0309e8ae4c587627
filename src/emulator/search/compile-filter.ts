import { badRequest } from "../http/api-error.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import type { NumberColumn } from "./number-column.ts";
import { parseSearchNumber } from "./parse-search-number.ts";
import type { SearchFilter } from "./search-request.ts";
import { CodesIn } from "./codes-in.ts";
import { CodeInMask, NoSlot, NumberInRange, SlotPredicate, type SlotFilter } from "./slot-filter.ts";
import type { StringColumn } from "./string-column.ts";
import { tokenMatcher } from "./text-match.ts";
import type { TypeIndex } from "./type-index.ts";

/** The property a filter or sort names, or HubSpot's 400 naming it. */
export function searchableProperty(registry: PropertyRegistry, name: string, role: "filter" | "sort"): PropertyDefinition {
  const definition = registry.get(name);
  if (definition === undefined) {
    throw badRequest(`Invalid ${role}: property ${JSON.stringify(name)} does not exist.`, {
      errors: [{ message: `Property ${JSON.stringify(name)} does not exist`, code: "PROPERTY_DOESNT_EXIST", context: { propertyName: [name] } }],
    });
  }
  return definition;
}

/** Compiles a filter on a real property (not `associations.*`) against its column. */
export function compileFilter(filter: SearchFilter, index: TypeIndex, registry: PropertyRegistry): SlotFilter {
  const definition = searchableProperty(registry, filter.propertyName, "filter");
  const column = index.column(definition);
  return column.kind === "number" ? numberFilter(filter, column) : stringFilter(filter, column);
}

function numberValue(filter: SearchFilter, column: NumberColumn, raw: string | undefined): number {
  const value = raw === undefined ? Number.NaN : parseSearchNumber(raw, column.propertyType);
  if (Number.isNaN(value)) {
    const expected = column.propertyType === "number" ? "a number" : "epoch milliseconds or an ISO-8601 date";
    throw badRequest(`Invalid filter on ${filter.propertyName}: ${JSON.stringify(raw)} is not ${expected}.`, {
      errors: [{ message: `${JSON.stringify(raw)} is not a valid value for ${filter.propertyName}`, code: "INVALID_FILTER_VALUE", context: { propertyName: [filter.propertyName] } }],
    });
  }
  return value;
}

/** The largest double below x: `v < x` becomes `v <= below(x)`, so every range is one inclusive loop. */
function below(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return x;
  if (x === 0) return -Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, x > 0 ? bits - 1n : bits + 1n);
  return buffer.getFloat64(0);
}

const above = (x: number): number => -below(-x);

function numberFilter(filter: SearchFilter, column: NumberColumn): SlotFilter {
  const values = column.values;
  const one = (): number => numberValue(filter, column, filter.value);
  switch (filter.operator) {
    case "EQ":
    case "CONTAINS_TOKEN": {
      const x = one();
      return new NumberInRange(column, x, x);
    }
    case "NEQ":
    case "NOT_CONTAINS_TOKEN": {
      const x = one();
      return new SlotPredicate((slot) => values[slot] !== x, 4);
    }
    case "LT":
      return new NumberInRange(column, -Infinity, below(one()));
    case "LTE":
      return new NumberInRange(column, -Infinity, one());
    case "GT":
      return new NumberInRange(column, above(one()), Infinity);
    case "GTE":
      return new NumberInRange(column, one(), Infinity);
    case "BETWEEN":
      return new NumberInRange(column, one(), numberValue(filter, column, filter.highValue));
    case "IN":
    case "NOT_IN": {
      const set = new Set((filter.values ?? []).map((v) => numberValue(filter, column, v)));
      const wanted = filter.operator === "IN";
      return new SlotPredicate((slot) => set.has(values[slot]!) === wanted, 4);
    }
    case "HAS_PROPERTY":
      return new NumberInRange(column, -Infinity, Infinity);
    case "NOT_HAS_PROPERTY":
      return new SlotPredicate((slot) => Number.isNaN(values[slot]!), 4);
    default: {
      const _exhaustive: never = filter.operator;
      return _exhaustive;
    }
  }
}

/**
 * Text filters. Case-insensitive except on enumerations (the column keys say which). IN and
 * NOT_IN values are compared as given: HubSpot indexes text lowercased, so an upper-case IN
 * value on a text property matches nothing there either. Negations also match records
 * without a value.
 */
function stringFilter(filter: SearchFilter, column: StringColumn): SlotFilter {
  const codes = column.codes;
  const key = (raw: string | undefined): string => column.key(raw ?? "");
  const members = (value: string): string[] => (column.multi ? value.split(";") : [value]);
  const maskOf = (test: (value: string) => boolean, missing: boolean): SlotFilter => new CodeInMask(codes, column.mask(test, missing));
  switch (filter.operator) {
    case "EQ":
    case "NEQ": {
      const wanted = key(filter.value);
      const equal = filter.operator === "EQ";
      if (column.multi) return maskOf((v) => members(v).includes(wanted) === equal, !equal);
      const code = column.codeOf(wanted);
      if (equal) return code === undefined || code === 0 ? new NoSlot() : new CodesIn(column, [code]);
      return maskOf((v) => v !== wanted, true);
    }
    case "IN":
    case "NOT_IN": {
      const wanted = new Set(filter.values ?? []);
      const inside = filter.operator === "IN";
      if (inside && !column.multi) {
        const found = [...wanted].map((value) => column.codeOf(value)).filter((code): code is number => code !== undefined && code !== 0);
        return found.length === 0 ? new NoSlot() : new CodesIn(column, found);
      }
      return maskOf((v) => members(v).some((m) => wanted.has(m)) === inside, !inside);
    }
    case "LT":
    case "LTE":
    case "GT":
    case "GTE":
    case "BETWEEN": {
      const lo = key(filter.value);
      const hi = key(filter.highValue);
      const test: Record<typeof filter.operator, (v: string) => boolean> = {
        LT: (v) => v < lo,
        LTE: (v) => v <= lo,
        GT: (v) => v > lo,
        GTE: (v) => v >= lo,
        BETWEEN: (v) => v >= lo && v <= hi,
      };
      return maskOf(test[filter.operator], false);
    }
    case "HAS_PROPERTY":
    case "NOT_HAS_PROPERTY": {
      const has = filter.operator === "HAS_PROPERTY";
      return maskOf(() => has, !has);
    }
    case "CONTAINS_TOKEN":
    case "NOT_CONTAINS_TOKEN": {
      const matches = tokenMatcher(filter.value ?? "");
      const contains = filter.operator === "CONTAINS_TOKEN";
      return maskOf((v) => members(v).some(matches) === contains, !contains);
    }
    default: {
      const _exhaustive: never = filter.operator;
      return _exhaustive;
    }
  }
}
