import type { ReadSelection } from "../http/record-view.ts";
import type { TypeIndex } from "./type-index.ts";

/** A search result: always live (archived records never match), showing the version the index holds. */
export interface SearchResult {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: false;
}

export function searchResult(index: TypeIndex, slot: number, selection: ReadSelection): SearchResult {
  const record = index.records[slot];
  const values = index.properties[slot];
  if (record === undefined || values === undefined) throw new Error(`search index slot ${slot} matched but holds no record`);
  const properties: Record<string, string | null> = {};
  for (const name of selection.properties) properties[name] = values[name] ?? null;
  return {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(index.updatedAt[slot]!).toISOString(),
    archived: false,
  };
}
