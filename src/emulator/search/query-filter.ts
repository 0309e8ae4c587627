import type { ObjectType } from "../state/object-type.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import { searchablePropertyNames } from "./searchable-properties.ts";
import { NoSlot, SlotPredicate, type SlotFilter } from "./slot-filter.ts";
import { queryTerms, startsAWord } from "./text-match.ts";
import type { TypeIndex } from "./type-index.ts";

/**
 * The free-text `query`: every term must start a word in one of the type's default
 * searchable properties. Terms are tested once per distinct value of each property, then
 * slots are matched by dictionary code.
 */
export function compileQuery(query: string, type: ObjectType, index: TypeIndex, registry: PropertyRegistry): SlotFilter {
  const terms = queryTerms(query);
  const columns = searchablePropertyNames(type)
    .map((name) => registry.get(name))
    .filter((definition) => definition !== undefined)
    .map((definition) => index.column(definition))
    .filter((column) => column.kind === "string");
  if (terms.length === 0) return new SlotPredicate(() => true, 100);
  if (columns.length === 0) return new NoSlot();
  // perTerm[t][c] marks the distinct values of column c in which term t starts a word.
  const perTerm = terms.map((term) => columns.map((column) => column.mask((value) => startsAWord(value.toLowerCase(), term), false)));
  const codes = columns.map((column) => column.codes);
  return new SlotPredicate((slot) => perTerm.every((masks) => masks.some((mask, c) => mask[codes[c]![slot]!] === 1)));
}
