import { isoFromMs } from "./iso-now.ts";
import type { OutboundRow, OutboundRowInput } from "../../store/index.ts";
import { callOptions, checkAborted, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { RecordsOutcome } from "./records-phase.ts";
import { writeBatch } from "./write-records.ts";

/**
 * The "archive" phase of mirror mode: the records this sync created whose rows left the
 * source are archived (HubSpot keeps them restorable for 90 days), 100 a call. Records the
 * sync only matched or updated are never archived. Skipped when the source could not be read
 * whole: a row that could not be read is not a row that left.
 */
export async function archivePhase(run: OutboundRun, target: OutboundTarget, records: RecordsOutcome): Promise<void> {
  const { store, sync, portal } = run;
  const query = run.dryRun
    ? { portal, withRecord: true, createdBySync: true, statuses: ["synced", "failed"] as const }
    : { portal, withRecord: true, createdBySync: true, statuses: ["synced", "failed"] as const, seenIn: { run: run.runId, seen: false } };
  for await (const page of store.scanOutboundRows(sync.name, query)) {
    checkAborted(run);
    const leaving = run.dryRun ? page.filter((row) => !records.dryKeys.has(row.rowKey)) : page;
    if (leaving.length === 0) continue;
    run.tally.plan.archives += leaving.length;
    for (const row of leaving.slice(0, 5)) run.tally.sample("archive", `${run.dryRun ? "would archive" : "archived"} ${target.type.storeType} ${row.hubspotId ?? ""} (its row left the source)`, row.rowKey, row.hubspotId ?? undefined);
    if (run.dryRun) continue;
    await archive(run, target, leaving);
  }
}

async function archive(run: OutboundRun, target: OutboundTarget, rows: readonly OutboundRow[]): Promise<void> {
  const ids = rows.map((row) => row.hubspotId ?? "");
  const outcomes = await writeBatch(run, "archive", ids.length, () => run.client.batchArchive(target.type.apiType, ids, callOptions(run)));
  const byId = new Map(outcomes.map((outcome) => [outcome.key, outcome]));
  const now = isoFromMs(run.clock.now());
  const puts: OutboundRowInput[] = [];
  for (const row of rows) {
    const outcome = byId.get(row.hubspotId ?? "");
    const { sync: _sync, portal: _portal, ...rest } = row;
    if (outcome?.status === "archived") {
      run.tally.archived += 1;
      puts.push({ ...rest, status: "archived", archivedAt: now, listMember: false, error: null });
      run.audit.note("archive", { level: "info", action: "archived", recordId: row.hubspotId, message: `archived ${target.type.storeType} ${row.hubspotId ?? ""}: row "${row.rowKey}" left the source`, details: { rowKey: row.rowKey } });
    } else {
      run.audit.note("archive", {
        level: "error",
        action: "archive_failed",
        recordId: row.hubspotId,
        message: `row "${row.rowKey}": HubSpot refused to archive ${target.type.storeType} ${row.hubspotId ?? ""}: ${outcome?.error?.message ?? "no reason given"}`,
        details: { rowKey: row.rowKey, category: outcome?.error?.category ?? null },
      });
    }
  }
  await run.store.transaction(async (tx) => {
    await run.store.putOutboundRows(tx, run.sync.name, run.portal, puts);
    await run.audit.flush(run.store, tx);
    await run.lease.renewIfDue(tx);
  });
}
