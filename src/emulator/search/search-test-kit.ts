import { emulatorApi, type ApiAnswer, type EmulatorApi } from "../../../test/support/emulator-api.ts";
import type { CreateEmulatorInput } from "../index.ts";
import type { Portal } from "../state/portal.ts";
import type { StoredRecord, WriteSource } from "../state/stored-record.ts";
import type { SearchPage } from "./search-indexes.ts";

const source: WriteSource = { sourceType: "INTEGRATION" };

/** Builders for the search tests: records written straight into the stores, searches over HTTP. */
export interface SearchKit extends EmulatorApi {
  portal: Portal;
  create(typeName: string, properties: Record<string, string>): StoredRecord;
  update(typeName: string, record: StoredRecord, changes: Record<string, string>): void;
  archive(typeName: string, record: StoredRecord): void;
  search(typeName: string, body: unknown): Promise<ApiAnswer<SearchPage>>;
  /** Ids of a successful search's results, in order (fails the test on an error answer). */
  ids(typeName: string, body: unknown): Promise<string[]>;
  advance(ms: number): void;
}

export function searchKit(input: CreateEmulatorInput = {}): SearchKit {
  const api = emulatorApi(input);
  const state = api.emulator.parts.state;
  const portal = state.defaultPortal;
  const store = (typeName: string) => portal.store(portal.resolveType(typeName));
  const search = (typeName: string, body: unknown): Promise<ApiAnswer<SearchPage>> => api.call("POST", `/crm/v3/objects/${typeName}/search`, body);
  return {
    ...api,
    portal,
    create: (typeName, properties) => store(typeName).create(properties, source, state.clock.now()),
    update: (typeName, record, changes) => void store(typeName).update(record, changes, source, state.clock.now()),
    archive: (typeName, record) => store(typeName).archive(record, source, state.clock.now()),
    search,
    async ids(typeName, body) {
      const answer = await search(typeName, body);
      if (answer.status !== 200) throw new Error(`search answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body.results.map((result) => result.id);
    },
    advance: (ms) => state.clock.advance(ms),
  };
}

/** A body with one filter group of the given filters. */
export function where(...filters: Array<Record<string, unknown>>): { filterGroups: Array<{ filters: Array<Record<string, unknown>> }> } {
  return { filterGroups: [{ filters }] };
}
