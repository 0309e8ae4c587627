import type { HubSpotId } from "../../core/ids.ts";
import type { AssociationInput } from "../../store/index.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { StreamState } from "./stream-state.ts";

/**
 * Associations of every live record of the stream to `toName` (pitfall 5): association
 * changes do not touch a record's modified date, so every run reads them all — ids streamed
 * from the store, `associationBatchSize` (1,000) per call — and makes the stored set equal to
 * HubSpot's for exactly those records (added, relabelled and removed), with labels and type
 * ids. An unchanged set writes nothing.
 */
export async function syncAssociations(ctx: RunContext, state: StreamState, toName: string): Promise<void> {
  const { store, portal, client } = ctx;
  const { plan } = state.prepared;
  const to = await ctx.catalog.resolve(toName);
  const size = Math.max(1, client.limits.associationBatchSize);
  let chunk: HubSpotId[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const fromIds = chunk;
    chunk = [];
    checkAborted(ctx);
    const rows: AssociationInput[] = [];
    for await (const page of client.readAssociations(plan.type.apiType, to.apiType, fromIds, readOptions(ctx))) {
      for (const row of page.results) rows.push({ fromId: row.fromId, toId: row.toId, typeId: row.typeId, category: row.category, label: row.label });
    }
    const changed = await store.transaction(async (tx) => {
      await ctx.lease.renewIfDue(tx);
      const result = await store.replaceAssociations(tx, portal, plan.type.storeType, to.storeType, fromIds, rows);
      return result.added + result.updated + result.removed;
    });
    state.counter.associationsChanged += changed;
  };
  for await (const record of store.streamRecords(portal, plan.type.storeType)) {
    chunk.push(record.id);
    if (chunk.length >= size) await flush();
  }
  await flush();
}
