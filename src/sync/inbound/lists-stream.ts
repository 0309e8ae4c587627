import type { ListsStreamConfig } from "../../config/index.ts";
import type { HubSpotList as StoredList, ListInput } from "../../store/index.ts";
import { pageProgress } from "./page-progress.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { StreamCounter } from "./stream-counter.ts";

/**
 * Lists and their memberships. Definitions are read whole and written when they differ;
 * lists gone from HubSpot are kept with `deleted_at`. Each list's members are read page by
 * page and the stored membership is made equal to HubSpot's (added and removed), one list at
 * a time (a list's member ids are held in memory while it is compared).
 */
export async function syncLists(ctx: RunContext, stream: ListsStreamConfig, counter: StreamCounter): Promise<void> {
  const { store, portal } = ctx;
  const stored = new Map((await store.lists(portal)).map((l) => [l.id, l]));
  const seen = new Set<string>();
  for await (const page of ctx.client.lists(readOptions(ctx))) {
    checkAborted(ctx);
    counter.fetched += page.results.length;
    let written = 0;
    for (const list of page.results) {
      seen.add(list.listId);
      let size: number | null = stored.get(list.listId)?.size ?? null;
      if (stream.memberships) {
        const members: string[] = [];
        for await (const members_ of ctx.client.listMemberships(list.listId, readOptions(ctx))) members.push(...members_.results.map((m) => m.recordId));
        checkAborted(ctx);
        size = members.length;
        const changed = await store.transaction(async (tx) => {
          await ctx.lease.renewIfDue(tx);
          return store.replaceListMemberships(tx, portal, list.listId, members);
        });
        counter.associationsChanged += changed.added + changed.removed;
      }
      const input: ListInput = { id: list.listId, name: list.name, objectTypeId: list.objectTypeId, processingType: list.processingType, size, createdAt: list.createdAt ?? null, updatedAt: list.updatedAt ?? null, deletedAt: null };
      if (differs(input, stored.get(list.listId))) {
        await store.transaction(async (tx) => {
          await ctx.lease.renewIfDue(tx);
          await store.upsertLists(tx, portal, [input]);
        });
        written += 1;
      }
    }
    counter.written += written;
    pageProgress(ctx, stream.name, page.results.length, written, counter.fetched);
  }
  const gone = [...stored.values()].filter((l) => !seen.has(l.id) && l.deletedAt === null);
  if (gone.length > 0) {
    const at = new Date(ctx.clock.now()).toISOString();
    await store.transaction(async (tx) => {
      await ctx.lease.renewIfDue(tx);
      await store.upsertLists(tx, portal, gone.map((l) => ({ id: l.id, name: l.name, objectTypeId: l.objectTypeId, processingType: l.processingType, size: l.size, deletedAt: at })));
    });
    counter.deleted += gone.length;
  }
}

function differs(input: ListInput, stored: StoredList | undefined): boolean {
  if (stored === undefined) return true;
  return input.name !== stored.name || input.objectTypeId !== stored.objectTypeId || input.processingType !== stored.processingType || (input.size ?? null) !== stored.size || stored.deletedAt !== null;
}
