import { AnySlot, type SlotFilter } from "./slot-filter.ts";
import { topByNumber, topByRank } from "./top-k.ts";
import type { Column, TypeIndex } from "./type-index.ts";

export interface CompiledSort {
  column: Column;
  descending: boolean;
}

/** A compiled search: ORed groups of ANDed slot filters, one optional sort, a page window. */
export interface CompiledSearch {
  groups: SlotFilter[][];
  sort: CompiledSort | undefined;
  offset: number;
  limit: number;
}

export interface SearchHits {
  /** Every match, not just the page. */
  total: number;
  /** The page's slots, in result order. */
  slots: Int32Array;
}

/** Reusable selection buffers, so a search over a million slots does not allocate megabytes each time. */
export type Scratch = (i: number, size: number) => Int32Array;

/**
 * Runs a compiled search over the index as it stands (pending writes already applied): the
 * total counts every match, but only the best `offset + limit` are ever ordered.
 */
export function runSearch(index: TypeIndex, search: CompiledSearch, scratch: Scratch): SearchHits {
  const n = index.size;
  const groups = search.groups.length === 0 ? [[]] : search.groups;
  const selections = groups.map((group, g) => select(index, group, scratch(g, n)));
  const { sel, count } = selections.length === 1 ? selections[0]! : union(selections, n, scratch(groups.length, n));
  const k = search.offset + search.limit;
  const sort = search.sort;
  let ordered: Int32Array;
  if (sort === undefined) {
    ordered = sel.subarray(0, Math.min(k, count));
  } else {
    const column = sort.column;
    ordered = column.kind === "number"
      ? topByNumber(sel, count, column.values, sort.descending, k)
      : topByRank(sel, count, column.codes, column.ranks(), sort.descending, k);
  }
  return { total: count, slots: ordered.slice(search.offset, k) };
}

/** One group: its cheapest scan drives, the other filters refine, cheapest test first. */
function select(index: TypeIndex, group: SlotFilter[], out: Int32Array): { sel: Int32Array; count: number } {
  const n = index.size;
  let first: SlotFilter = new AnySlot();
  let firstCost = Infinity;
  for (const filter of group) {
    const cost = filter.scanCost(n);
    if (cost < firstCost) {
      first = filter;
      firstCost = cost;
    }
  }
  const rest = group.filter((filter) => filter !== first).sort((a, b) => a.cost - b.cost);
  let count = first.scan(index.live, n, out);
  for (const filter of rest) {
    if (count === 0) break;
    count = filter.refine(out, count);
  }
  return { sel: out, count };
}

/** ORed groups: the slots any group selected, ascending, each once. */
function union(selections: Array<{ sel: Int32Array; count: number }>, n: number, out: Int32Array): { sel: Int32Array; count: number } {
  const marked = new Uint8Array(n);
  for (const { sel, count } of selections) for (let j = 0; j < count; j++) marked[sel[j]!] = 1;
  let count = 0;
  for (let i = 0; i < n; i++) if (marked[i] === 1) out[count++] = i;
  return { sel: out, count };
}
