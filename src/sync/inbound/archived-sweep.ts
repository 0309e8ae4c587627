import type { HubSpotRecord } from "../../hubspot/index.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { StreamState } from "./stream-state.ts";

/**
 * Deletes reach the mirror (pitfall 6): every run lists HubSpot's archived records
 * (`archived=true`, kept 90 days) and marks exactly those rows archived and deleted, with
 * HubSpot's archive time. Rows already marked are left alone, so an unchanged recycle bin
 * writes nothing. Archived records that were never mirrored are not added.
 */
export async function sweepArchived(ctx: RunContext, state: StreamState): Promise<void> {
  const { store, portal } = ctx;
  const { plan } = state.prepared;
  const type = plan.type.storeType;
  const pages = ctx.client.listObjects(plan.type.apiType, { ...readOptions(ctx), archived: true, properties: ["hs_object_id"], pageSize: plan.pageSize });
  for await (const page of pages) {
    checkAborted(ctx);
    const byTime = new Map<string, string[]>();
    for (const record of page.results) {
      const at = archivedAtOf(record);
      byTime.set(at, [...(byTime.get(at) ?? []), record.id]);
    }
    const marked = await store.transaction(async (tx) => {
      await ctx.lease.renewIfDue(tx);
      const ids: string[] = [];
      for (const [at, group] of byTime) ids.push(...(await store.markArchived(tx, portal, type, group, at)));
      const notes = ids.map((id) => ({ level: "info" as const, recordId: id, action: "archived", message: "Archived (deleted) in HubSpot: marked deleted" }));
      for (const note of notes) state.audit.note(note);
      const pending = state.audit.pending();
      if (pending.length > 0) await store.appendAudit(pending, tx);
      return { count: ids.length, notes: pending.length };
    }).catch((error: unknown) => {
      state.audit.discard();
      throw error;
    });
    state.audit.committed(marked.notes);
    state.counter.deleted += marked.count;
  }
}

function archivedAtOf(record: HubSpotRecord): string {
  const at = record.archivedAt ?? record.updatedAt;
  return Number.isNaN(Date.parse(at)) ? new Date(0).toISOString() : at;
}
