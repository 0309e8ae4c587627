import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotId } from "../../core/ids.ts";
import type { ListMembershipOutcome } from "../../hubspot/index.ts";
import type { OutboundRow } from "../../store/index.ts";
import { callOptions, checkAborted, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { RecordsOutcome } from "./records-phase.ts";
import { writeBatch } from "./write-records.ts";

/** Ids buffered before a membership edit is sent (the client splits them into HubSpot-sized calls). */
const FLUSH_AT = 5_000;

/**
 * The "list" phase: the sync's static (MANUAL) list, found by name or created, keeps exactly
 * the records of the source's rows — rows that joined are added, rows that left (or whose
 * records were archived) are removed, in batches. The sync remembers which records it put in
 * the list, so a run where nothing changed makes no call; a list the sync meets for the first
 * time is read once, and members that are not the source's are removed. `removals` is false
 * when the source could not be read whole: nothing is then removed.
 */
export async function listPhase(run: OutboundRun, target: OutboundTarget, records: RecordsOutcome, removals: boolean): Promise<void> {
  try {
    await syncList(run, target, records, removals);
  } catch (error) {
    if (!(error instanceof HubsyncError) || error.code !== "HUBSPOT_NOT_FOUND" || run.dryRun) throw error;
    // The list was deleted in HubSpot since: start again with a new one.
    run.logger.warn({ list: run.sync.list?.name }, "outbound: the sync's list is gone from HubSpot; creating it again");
    await run.store.transaction(async (tx) => {
      await run.store.putOutboundList(tx, run.sync.name, run.portal, undefined);
      await run.store.setOutboundListMembers(tx, run.sync.name, run.portal, "all", false);
    });
    await syncList(run, target, records, removals);
  }
}

async function syncList(run: OutboundRun, target: OutboundTarget, records: RecordsOutcome, removals: boolean): Promise<void> {
  const config = run.sync.list;
  if (config === undefined) return;
  const { store, sync, portal } = run;
  const stored = await store.outboundList(sync.name, portal);
  let listId: string | undefined;
  let fresh = false;
  if (stored !== undefined && stored.name === config.name && stored.objectTypeId === target.objectTypeId) {
    listId = stored.listId;
  } else if (!target.missingObject) {
    fresh = true;
    const found = await run.client.findListByName(target.objectTypeId, config.name, callOptions(run));
    if (found !== undefined) listId = found.listId;
    else if (!run.dryRun) listId = (await run.client.createList({ name: config.name, objectTypeId: target.objectTypeId, processingType: "MANUAL" }, callOptions(run))).value.listId;
    if (found === undefined) run.tally.sample("list", `${run.dryRun ? "would create" : "created"} the static list "${config.name}"`);
    if (listId !== undefined && !run.dryRun) {
      const id = listId;
      await store.transaction(async (tx) => {
        await store.putOutboundList(tx, sync.name, portal, { listId: id, name: config.name, objectTypeId: target.objectTypeId });
        await store.setOutboundListMembers(tx, sync.name, portal, "all", false);
      });
    }
  }

  // A list met for the first time: who is in it already.
  const present = new Set<string>();
  if (fresh && listId !== undefined) for await (const page of run.client.listMemberships(listId, callOptions(run))) for (const member of page.results) present.add(member.recordId);
  const ours = new Set<string>();

  const adds: OutboundRow[] = [];
  const removes: OutboundRow[] = [];
  const seen = (row: OutboundRow): boolean => (run.dryRun ? records.dryKeys.has(row.rowKey) : row.lastSeenRun === run.runId) && row.status !== "archived";
  for await (const page of store.scanOutboundRows(sync.name, { portal, withRecord: true })) {
    checkAborted(run);
    for (const row of page) {
      const id = row.hubspotId;
      if (id === null) continue;
      ours.add(id);
      const member = fresh ? present.has(id) : row.listMember;
      if (seen(row) && !member) adds.push(row);
      else if (!seen(row) && member && removals) removes.push(row);
      else if (fresh && member && seen(row) && !run.dryRun) adds.push(row); // already in: only the flag is recorded
    }
    if (adds.length >= FLUSH_AT) await edit(run, listId, "add", adds.splice(0), present);
    if (removes.length >= FLUSH_AT) await edit(run, listId, "remove", removes.splice(0), present);
  }
  await edit(run, listId, "add", adds, present);
  await edit(run, listId, "remove", removes, present);
  if (run.dryRun) {
    // Records the store does not know yet (to be created, or found by the match) join the list too.
    run.tally.plan.listAdds += records.dryNewRecords;
  }
  // Members of a list met for the first time that are not the source's rows.
  const strangers = fresh && removals ? [...present].filter((id) => !ours.has(id)) : [];
  if (strangers.length > 0 && listId !== undefined) {
    run.tally.plan.listRemoves += strangers.length;
    run.tally.sample("list", `${run.dryRun ? "would remove" : "removed"} ${strangers.length} members of "${config.name}" that are not rows of the source`);
    if (!run.dryRun) {
      const outcomes = await writeBatch(run, "list", strangers.length, () => run.client.removeListMembers(listId ?? "", strangers, callOptions(run)));
      run.tally.listRemoved += outcomes.filter((o) => o.status === "removed").length;
    }
  }
}

async function edit(run: OutboundRun, listId: string | undefined, change: "add" | "remove", rows: readonly OutboundRow[], present: ReadonlySet<string>): Promise<void> {
  if (rows.length === 0) return;
  const changing = rows.filter((row) => (change === "add" ? !present.has(row.hubspotId ?? "") : true));
  const count = changing.length;
  if (change === "add") run.tally.plan.listAdds += count;
  else run.tally.plan.listRemoves += count;
  if (count > 0) run.tally.sample("list", `${run.dryRun ? "would " : ""}${change} ${count} record${count === 1 ? "" : "s"} ${change === "add" ? "to" : "from"} the list`);
  if (run.dryRun || listId === undefined) return;
  const ids = changing.map((row) => row.hubspotId as HubSpotId);
  const outcomes: ListMembershipOutcome[] =
    ids.length === 0 ? [] : await writeBatch(run, "list", ids.length, () => (change === "add" ? run.client.addListMembers(listId, ids, callOptions(run)) : run.client.removeListMembers(listId, ids, callOptions(run))));
  const byId = new Map(outcomes.map((outcome) => [String(outcome.id), outcome]));
  const done: string[] = [];
  for (const row of rows) {
    const outcome = byId.get(row.hubspotId ?? "");
    if (outcome === undefined || outcome.status !== "failed") {
      done.push(row.rowKey);
      if (outcome?.status === "added") run.tally.listAdded += 1;
      if (outcome?.status === "removed") run.tally.listRemoved += 1;
    } else {
      run.audit.note("list", {
        level: "error",
        action: "list_failed",
        recordId: row.hubspotId,
        message: `row "${row.rowKey}": HubSpot refused to ${change} record ${row.hubspotId ?? ""} ${change === "add" ? "to" : "from"} the list: ${outcome.error?.message ?? "no reason given"}`,
        details: { rowKey: row.rowKey, category: outcome.error?.category ?? null },
      });
    }
  }
  await run.store.transaction(async (tx) => {
    await run.store.setOutboundListMembers(tx, run.sync.name, run.portal, done, change === "add");
    await run.audit.flush(run.store, tx);
    await run.lease.renewIfDue(tx);
  });
}
