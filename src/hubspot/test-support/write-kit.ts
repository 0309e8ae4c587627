import type { FetchLike } from "../fetch-like.ts";
import type { CreateInput } from "../write-outcome.ts";
import type { EmulatorClientKit } from "./emulator-client.ts";

/** Test-only: live (not archived) records of a type in the emulator's default portal. */
export function liveCount(kit: EmulatorClientKit, type: string): number {
  const portal = kit.emulator.parts.state.defaultPortal;
  return portal.store(portal.resolveType(type)).liveCount;
}

/** Test-only: contacts to create, keyed `row-<i>`. */
export function contactRows(count: number, properties: (i: number) => Record<string, string> = (i) => ({ email: `row${i}@example.com`, firstname: `Row ${i}` })): CreateInput[] {
  return Array.from({ length: count }, (_, i) => ({ key: `row-${i}`, properties: properties(i) }));
}

/**
 * Test-only: HubSpot in front of the emulator as it sometimes behaves, ignoring
 * `objectWriteTraceId`s, so one bad input fails the whole batch with a 400 (hubspot-api-notes §5).
 */
export function ignoringTraceIds(kit: EmulatorClientKit): FetchLike {
  return async (input, init) => {
    if (typeof init?.body === "string" && /\/batch\/(create|update|upsert)$/.test(String(input))) {
      const body = JSON.parse(init.body) as { inputs?: Array<Record<string, unknown>> };
      for (const item of body.inputs ?? []) delete item["objectWriteTraceId"];
      return kit.emulator.fetch(input, { ...init, body: JSON.stringify(body) });
    }
    return kit.emulator.fetch(input, init);
  };
}
