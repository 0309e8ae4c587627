import type { OwnersStreamConfig } from "../../config/index.ts";
import type { HubSpotOwner } from "../../hubspot/index.ts";
import type { Owner, OwnerInput } from "../../store/index.ts";
import { pageProgress } from "./page-progress.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { StreamCounter } from "./stream-counter.ts";

/**
 * Owners (HubSpot cannot filter them by change): every owner is read — active ones, then
 * deactivated ones when asked — and only owners that differ from their row are written.
 */
export async function syncOwners(ctx: RunContext, stream: OwnersStreamConfig, counter: StreamCounter): Promise<void> {
  const stored = new Map((await ctx.store.owners(ctx.portal)).map((o) => [o.id, o]));
  const passes = stream.archived ? [false, true] : [false];
  for (const archived of passes) {
    for await (const page of ctx.client.owners({ ...readOptions(ctx), archived })) {
      checkAborted(ctx);
      counter.fetched += page.results.length;
      const changed = page.results.map((o) => ownerInput(o, archived)).filter((o) => differs(o, stored.get(o.id)));
      if (changed.length > 0) {
        await ctx.store.transaction(async (tx) => {
          await ctx.lease.renewIfDue(tx);
          await ctx.store.upsertOwners(tx, ctx.portal, changed);
        });
        counter.written += changed.length;
      }
      pageProgress(ctx, stream.name, page.results.length, changed.length, counter.fetched);
    }
  }
}

function ownerInput(owner: HubSpotOwner, archived: boolean): OwnerInput {
  return {
    id: owner.id,
    email: owner.email ?? null,
    firstName: owner.firstName ?? null,
    lastName: owner.lastName ?? null,
    userId: owner.userId ?? null,
    teams: owner.teams,
    createdAt: owner.createdAt,
    updatedAt: owner.updatedAt,
    archived: archived || owner.archived,
  };
}

function differs(input: OwnerInput, stored: Owner | undefined): boolean {
  if (stored === undefined) return true;
  return (
    (input.email ?? null) !== stored.email ||
    (input.firstName ?? null) !== stored.firstName ||
    (input.lastName ?? null) !== stored.lastName ||
    (input.userId === null || input.userId === undefined ? null : String(input.userId)) !== stored.userId ||
    (input.archived === true) !== stored.archived ||
    JSON.stringify(input.teams ?? []) !== JSON.stringify(stored.teams ?? [])
  );
}
