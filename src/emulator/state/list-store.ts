import type { CrmList, FilterBranch, ProcessingType } from "../crm-metadata/crm-list.ts";
import { matchesFilterBranch } from "../crm-metadata/list-filter.ts";
import { ListMembers } from "../crm-metadata/list-members.ts";
import { ApiError } from "../http/api-error.ts";
import type { ObjectStore } from "./object-store.ts";
import type { Portal } from "./portal.ts";
import type { RecordChange } from "./record-change.ts";

export interface ListCreateInput {
  name: string;
  /** Canonical type id (`0-1`, `2-17`). */
  objectTypeId: string;
  processingType: ProcessingType;
  filterBranch?: FilterBranch;
  createdById?: string;
}

/** What a membership edit did, id by id; ids that are no live record of the list's type are `missing`. */
export interface MembershipChange {
  added: string[];
  removed: string[];
  missing: string[];
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The portal's v3 lists and their memberships. Listens to record changes: archived and purged
 * records leave every list, a merge's survivor inherits the memberships of the ids it absorbed,
 * and DYNAMIC lists re-evaluate their filters on every write to a record of their type.
 */
export class ListStore {
  readonly portal: Portal;
  readonly #lists = new Map<string, CrmList>();
  #lastId = 0;

  constructor(portal: Portal) {
    this.portal = portal;
    portal.changeListeners.push((typeId, change) => this.#onRecordChange(typeId, change));
  }

  /** Creates a list; a DYNAMIC or SNAPSHOT one is filled from its filters at once. */
  create(input: ListCreateInput): CrmList {
    this.#assertNameFree(input.objectTypeId, input.name, undefined);
    const at = this.#now();
    this.#lastId += 1;
    const list: CrmList = {
      listId: String(this.#lastId),
      name: input.name,
      objectTypeId: input.objectTypeId,
      processingType: input.processingType,
      filterBranch: input.filterBranch,
      listVersion: 1,
      createdAt: at,
      updatedAt: at,
      filtersUpdatedAt: at,
      deletedAt: undefined,
      members: new ListMembers(),
      createdById: input.createdById,
      updatedById: input.createdById,
    };
    this.#lists.set(list.listId, list);
    if (list.processingType !== "MANUAL" && list.filterBranch !== undefined) this.#evaluateAll(list);
    return list;
  }

  /** A list that is not deleted. */
  get(listId: string): CrmList | undefined {
    const list = this.#lists.get(listId);
    return list?.deletedAt === undefined ? list : undefined;
  }

  findByName(objectTypeId: string, name: string): CrmList | undefined {
    return this.all().find((list) => list.objectTypeId === objectTypeId && sameName(list.name, name));
  }

  /** Lists that are not deleted, oldest first. */
  all(): CrmList[] {
    return [...this.#lists.values()].filter((list) => list.deletedAt === undefined);
  }

  rename(list: CrmList, name: string): void {
    this.#assertNameFree(list.objectTypeId, name, list);
    list.name = name;
    list.updatedAt = this.#now();
  }

  /** New filters for a list; a DYNAMIC list's members are worked out again. */
  updateFilters(list: CrmList, filterBranch: FilterBranch): void {
    const at = this.#now();
    list.filterBranch = filterBranch;
    list.listVersion += 1;
    list.filtersUpdatedAt = at;
    list.updatedAt = at;
    if (list.processingType === "DYNAMIC") this.#evaluateAll(list);
  }

  delete(list: CrmList): void {
    list.deletedAt = this.#now();
  }

  /** Brings back a deleted list with its members; undefined when there is no deleted list of that id. */
  restore(listId: string): CrmList | undefined {
    const list = this.#lists.get(listId);
    if (list?.deletedAt === undefined) return undefined;
    this.#assertNameFree(list.objectTypeId, list.name, list);
    list.deletedAt = undefined;
    list.updatedAt = this.#now();
    return list;
  }

  addMembers(list: CrmList, recordIds: readonly string[]): MembershipChange {
    this.#assertManual(list);
    const change: MembershipChange = { added: [], removed: [], missing: [] };
    const at = this.#now();
    for (const id of recordIds) {
      const recordId = this.#liveRecordId(list, id);
      if (recordId === undefined) change.missing.push(id);
      else if (list.members.add(recordId, at)) change.added.push(recordId);
    }
    if (change.added.length > 0) list.updatedAt = at;
    return change;
  }

  removeMembers(list: CrmList, recordIds: readonly string[]): MembershipChange {
    this.#assertManual(list);
    const change: MembershipChange = { added: [], removed: [], missing: [] };
    for (const id of recordIds) {
      const recordId = this.#liveRecordId(list, id);
      // A member whose record has gone (purged) can still be named and removed.
      if (list.members.remove(recordId ?? id)) change.removed.push(recordId ?? id);
      else if (recordId === undefined) change.missing.push(id);
    }
    if (change.removed.length > 0) list.updatedAt = this.#now();
    return change;
  }

  /** Empties a manual list. */
  clear(list: CrmList): void {
    this.#assertManual(list);
    list.members.clear();
    list.updatedAt = this.#now();
  }

  /** The (not deleted) lists a record belongs to. */
  listsOf(objectTypeId: string, recordId: string): CrmList[] {
    return this.all().filter((list) => list.objectTypeId === objectTypeId && list.members.has(recordId));
  }

  #now(): number {
    return this.portal.state.clock.now();
  }

  #store(objectTypeId: string): ObjectStore | undefined {
    const type = this.portal.types.resolve(objectTypeId);
    return type === undefined ? undefined : this.portal.store(type);
  }

  /** The current id of a live record of the list's type (a merged-away id names its survivor). */
  #liveRecordId(list: CrmList, id: string): string | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const record = this.#store(list.objectTypeId)?.get(id);
    return record === undefined || record.archived ? undefined : record.id;
  }

  #assertNameFree(objectTypeId: string, name: string, self: CrmList | undefined): void {
    const clash = this.findByName(objectTypeId, name);
    if (clash !== undefined && clash !== self) {
      throw new ApiError(400, "VALIDATION_ERROR", `A list named '${name}' already exists for object type ${objectTypeId} (list ${clash.listId}).`, {
        subCategory: "ILS.DUPLICATE_LIST_NAMES",
      });
    }
  }

  #assertManual(list: CrmList): void {
    if (list.processingType === "DYNAMIC") {
      throw new ApiError(400, "VALIDATION_ERROR", `List ${list.listId} is a DYNAMIC list: its memberships follow its filters and cannot be edited manually. Only MANUAL and SNAPSHOT lists accept membership changes.`);
    }
  }

  #evaluateAll(list: CrmList): void {
    const store = this.#store(list.objectTypeId);
    list.members.clear();
    if (store === undefined) return;
    const at = this.#now();
    for (const record of store.scan(0, false, at)) if (matchesFilterBranch(list.filterBranch, record.properties)) list.members.add(record.id, at);
  }

  #onRecordChange(typeId: string, change: RecordChange): void {
    if (this.#lists.size === 0) return;
    const lists = [...this.#lists.values()].filter((list) => list.objectTypeId === typeId);
    if (lists.length === 0) return;
    switch (change.kind) {
      case "create":
      case "update":
      case "restore":
        for (const list of lists) if (list.processingType === "DYNAMIC") follow(list, change.record.id, change.record.properties, change.at);
        return;
      case "archive":
      case "purge":
        for (const list of lists) list.members.remove(change.record.id);
        return;
      case "merge": {
        const absorbed = new Set([...change.previousIds, ...change.merged]);
        for (const list of lists) {
          const joined = [...absorbed].map((id) => list.members.get(id)?.addedAt).filter((at) => at !== undefined);
          for (const id of absorbed) list.members.remove(id);
          if (list.processingType === "DYNAMIC") follow(list, change.survivor.id, change.survivor.properties, change.at);
          else if (joined.length > 0) list.members.add(change.survivor.id, Math.min(...joined));
        }
        return;
      }
      default: {
        const exhaustive: never = change;
        return exhaustive;
      }
    }
  }
}

/** Puts a record in or out of a DYNAMIC list according to its current values. */
function follow(list: CrmList, recordId: string, values: Readonly<Record<string, string>>, at: number): void {
  if (matchesFilterBranch(list.filterBranch, values)) list.members.add(recordId, at);
  else list.members.remove(recordId);
}
