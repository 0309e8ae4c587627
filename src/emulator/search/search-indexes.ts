import { readSelection } from "../http/record-view.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";
import { ASSOCIATIONS_PREFIX, compileAssociationFilter } from "./association-filter.ts";
import { compileFilter, searchableProperty } from "./compile-filter.ts";
import { compileQuery } from "./query-filter.ts";
import { runSearch, type CompiledSearch, type Scratch } from "./run-search.ts";
import type { SearchRequest } from "./search-request.ts";
import { searchResult, type SearchResult } from "./search-result.ts";
import { TypeIndex } from "./type-index.ts";

/** The body of a search answer. */
export interface SearchPage {
  total: number;
  results: SearchResult[];
  paging?: { next: { after: string } };
}

interface PortalIndexes {
  portal: Portal;
  byType: Map<string, TypeIndex>;
}

/**
 * Search indexes of every portal and type. Each hears every record write through the
 * portal's change listeners and shows it only `indexLagMs` later (the lag read when the write
 * happens, so the control plane can change it for later writes). Writes whose moment has come
 * are applied lazily — when the next write arrives or a search runs — by the emulator's clock,
 * so tests cross the lag by moving the clock, never by sleeping.
 */
export class SearchIndexes {
  readonly state: EmulatorState;
  readonly #portals = new Map<number, PortalIndexes>();
  /** Reused selection buffers (a million-record search would otherwise allocate megabytes per query). */
  readonly #buffers: Int32Array[] = [];
  readonly #scratch: Scratch = (i, size) => {
    const existing = this.#buffers[i];
    if (existing !== undefined && existing.length >= size) return existing;
    const buffer = new Int32Array(Math.max(1024, size + (size >> 2)));
    this.#buffers[i] = buffer;
    return buffer;
  };

  constructor(state: EmulatorState) {
    this.state = state;
    state.onPortal((portal) => this.#attach(portal));
  }

  /** Makes every pending write visible now, whatever the lag (contract). */
  flush(): void {
    for (const { byType } of this.#portals.values()) for (const index of byType.values()) index.catchUp(Infinity);
  }

  /** Writes heard but not yet visible to search, across every portal. */
  pendingWrites(): number {
    let pending = 0;
    for (const { byType } of this.#portals.values()) for (const index of byType.values()) pending += index.pendingCount;
    return pending;
  }

  /** Runs a validated search as the index stands at the emulator's current time. */
  search(portal: Portal, type: ObjectType, request: SearchRequest): SearchPage {
    const index = this.#index(portal, type.objectTypeId);
    index.catchUp(this.state.clock.now());
    const registry = portal.properties(type);
    const groups = request.filterGroups.map((group) =>
      group.map((filter) =>
        filter.propertyName.startsWith(ASSOCIATIONS_PREFIX) ? compileAssociationFilter(filter, portal, type, index) : compileFilter(filter, index, registry),
      ),
    );
    if (request.query !== undefined) {
      const query = compileQuery(request.query, type, index, registry);
      if (groups.length === 0) groups.push([query]);
      else for (const group of groups) group.push(query);
    }
    const compiled: CompiledSearch = { groups, sort: undefined, offset: request.offset, limit: request.limit };
    if (request.sort !== undefined) {
      const definition = searchableProperty(registry, request.sort.propertyName, "sort");
      compiled.sort = { column: index.column(definition), descending: request.sort.descending };
    }
    const hits = runSearch(index, compiled, this.#scratch);
    const selection = readSelection(type, registry, [...type.defaultReadProperties, ...request.properties]);
    const page: SearchPage = { total: hits.total, results: Array.from(hits.slots, (slot) => searchResult(index, slot, selection)) };
    const next = request.offset + request.limit;
    if (request.limit > 0 && next < hits.total) page.paging = { next: { after: String(next) } };
    return page;
  }

  #attach(portal: Portal): PortalIndexes {
    const entry: PortalIndexes = { portal, byType: new Map() };
    this.#portals.set(portal.id, entry);
    portal.changeListeners.push((typeId, change) => {
      const index = indexOf(entry, typeId);
      index.record(change, change.at + this.state.options.indexLagMs);
      index.catchUp(this.state.clock.now());
    });
    return entry;
  }

  #index(portal: Portal, typeId: string): TypeIndex {
    const entry = this.#portals.get(portal.id);
    return indexOf(entry?.portal === portal ? entry : this.#attach(portal), typeId);
  }
}

function indexOf(entry: PortalIndexes, typeId: string): TypeIndex {
  let index = entry.byType.get(typeId);
  if (index === undefined) {
    index = new TypeIndex();
    entry.byType.set(typeId, index);
  }
  return index;
}
