import type { Portal } from "../../../emulator/state/portal.ts";

const source = { sourceType: "INTEGRATION", sourceId: "engine-test" };

/** Test-only: creates records straight in the emulator's store (announced to search as an API write is), all at `at`. */
export function createAt(portal: Portal, type: string, count: number, at: number, properties: (i: number) => Record<string, string>): string[] {
  const store = portal.store(portal.resolveType(type));
  return Array.from({ length: count }, (_, i) => store.create(properties(i), source, at).id);
}

/** Test-only: changes records straight in the emulator's store at `at`. */
export function updateAt(portal: Portal, type: string, ids: readonly string[], at: number, changes: (id: string) => Record<string, string>): void {
  const store = portal.store(portal.resolveType(type));
  for (const id of ids) {
    const record = store.get(id);
    if (record === undefined) throw new Error(`${type} ${id} does not exist`);
    store.update(record, changes(id), source, at);
  }
}
