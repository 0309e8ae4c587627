import type { ListMembers } from "./list-members.ts";

export const processingTypes = ["MANUAL", "DYNAMIC", "SNAPSHOT"] as const;
/** MANUAL lists change only by API or user; DYNAMIC ones follow their filters; SNAPSHOT ones are filled once, then manual. */
export type ProcessingType = (typeof processingTypes)[number];

/** A list's filter tree, kept as the JSON the client sent (it is echoed back with `includeFilters`). */
export type FilterBranch = Record<string, unknown>;

/** A v3 list (segment) of records of one object type. */
export interface CrmList {
  readonly listId: string;
  name: string;
  readonly objectTypeId: string;
  readonly processingType: ProcessingType;
  filterBranch: FilterBranch | undefined;
  /** Bumped whenever the filters change, as HubSpot does. */
  listVersion: number;
  readonly createdAt: number;
  updatedAt: number;
  filtersUpdatedAt: number;
  /** Set while the list is deleted (restorable); deleted lists answer 404. */
  deletedAt: number | undefined;
  readonly members: ListMembers;
  readonly createdById: string | undefined;
  updatedById: string | undefined;
}

/** A list as the lists API returns it (`list` of a fetch, `lists[]` of a fetch by ids). */
export interface ListView {
  listId: string;
  listVersion: number;
  name: string;
  objectTypeId: string;
  processingType: ProcessingType;
  processingStatus: "COMPLETE";
  createdAt: string;
  updatedAt: string;
  filtersUpdatedAt: string;
  size: number;
  createdById?: string;
  updatedById?: string;
  deletedAt?: string;
  filterBranch?: FilterBranch;
  additionalProperties: Record<string, string>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The list's `hs_*` properties, as HubSpot reports them in `additionalProperties`. */
export function listProperties(list: CrmList): Record<string, string> {
  const props: Record<string, string> = { hs_list_size: String(list.members.size), hs_list_reference_count: "0" };
  const lastAddedAt = list.members.lastAddedAt;
  if (lastAddedAt !== undefined) props["hs_last_record_added_at"] = String(lastAddedAt);
  return props;
}

export function listView(list: CrmList, includeFilters: boolean): ListView {
  const view: ListView = {
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingType: list.processingType,
    // Membership is worked out synchronously here, so processing is always already done.
    processingStatus: "COMPLETE",
    createdAt: iso(list.createdAt),
    updatedAt: iso(list.updatedAt),
    filtersUpdatedAt: iso(list.filtersUpdatedAt),
    size: list.members.size,
    additionalProperties: listProperties(list),
  };
  if (list.createdById !== undefined) view.createdById = list.createdById;
  if (list.updatedById !== undefined) view.updatedById = list.updatedById;
  if (list.deletedAt !== undefined) view.deletedAt = iso(list.deletedAt);
  if (includeFilters && list.filterBranch !== undefined) view.filterBranch = list.filterBranch;
  return view;
}

/** A list as `POST /crm/v3/lists/search` returns it: no size or filters, its `hs_*` values in `additionalProperties`. */
export type ListSearchView = Omit<ListView, "size" | "filterBranch">;

export function listSearchView(list: CrmList): ListSearchView {
  const { size: _size, filterBranch: _filters, ...rest } = listView(list, false);
  return rest;
}
