import assert from "node:assert/strict";
import type { EmulatorClientKit } from "./emulator-client.ts";

/** Test-only: creates `count` records over the public batch API, 100 per call; returns their ids in order. */
export async function createRecords(kit: EmulatorClientKit, type: string, count: number, properties: (i: number) => Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const inputs = [];
    for (let i = start; i < Math.min(count, start + 100); i++) inputs.push({ properties: properties(i) });
    const answer = await kit.api<{ results: Array<{ id: string }> }>("POST", `/crm/v3/objects/${type}/batch/create`, { inputs });
    assert.equal(answer.status, 201, JSON.stringify(answer.body).slice(0, 300));
    // Batch answers need not keep input order; ids are increasing, so sort.
    ids.push(...answer.body.results.map((r) => r.id).sort((a, b) => a.length - b.length || (a < b ? -1 : 1)));
  }
  return ids;
}
