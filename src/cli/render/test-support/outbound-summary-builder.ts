import { runId } from "../../../core/ids.ts";
import type { OutboundRunSummary } from "../../../sync/index.ts";

/** An outbound run summary for rendering tests: a quiet successful run unless told otherwise. */
export function outboundSummary(over: Partial<OutboundRunSummary> = {}): OutboundRunSummary {
  return {
    runId: runId("3f2a9c1e-0000-4000-8000-000000000000"),
    sync: "users",
    status: "succeeded",
    dryRun: false,
    startedAt: 0,
    finishedAt: 1_250,
    rowsRead: 0,
    rowsInvalid: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    archived: 0,
    associationsCreated: 0,
    associationsRemoved: 0,
    listAdded: 0,
    listRemoved: 0,
    orphans: 0,
    apiCalls: 0,
    writeCalls: 0,
    plan: { creates: 0, updates: 0, unchanged: 0, archives: 0, associationsToCreate: 0, associationsToRemove: 0, listAdds: 0, listRemoves: 0, samples: [] },
    ...over,
  };
}
