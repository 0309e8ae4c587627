import type { OutboundRowInput } from "../../store/index.ts";
import { desiredAssociations } from "./desired-associations.ts";
import { DerivedTargets } from "./derive-targets.ts";
import { isoFromMs } from "./iso-now.ts";
import { loadOurs } from "./load-ours.ts";
import { checkAborted, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { PendingRow } from "./pending-row.ts";
import type { TargetResolver } from "./resolve-targets.ts";
import { rowWork, type RowWork } from "./row-work.ts";
import { pairsOfType } from "./write-pairs.ts";

/**
 * The "associations" phase, after every record of the run exists (pitfall 12, same-type
 * targets included): a chunk of rows at a time, resolves their targets in batches, derives
 * the associations that go through others, reads the pairs' current associations where labels
 * or removals need them (1,000 records a call), and writes only the difference (2,000 pairs a
 * call). A target not found is remembered as an orphan; the row is still written. A row's
 * content hash is recorded once its associations are all written, so a failure is retried by
 * the next run. `resolver` is the run's: it has the targets the records phase looked up
 * ahead (or is still looking up) and waits for those.
 */
export async function associationsPhase(run: OutboundRun, target: OutboundTarget, chunks: AsyncIterable<PendingRow[]>, resolver: TargetResolver): Promise<void> {
  const derived = new DerivedTargets(run.client, run.signal);
  for await (const rows of chunks) {
    checkAborted(run);
    if (rows.length === 0) continue;
    await associationsChunk(run, target, rows, resolver, derived);
    run.reportRateWaits();
  }
}

async function associationsChunk(run: OutboundRun, target: OutboundTarget, rows: readonly PendingRow[], resolver: TargetResolver, derived: DerivedTargets): Promise<void> {
  const work = rows.map(rowWork);
  await desiredAssociations(run, target, work, resolver, derived, isoFromMs(run.clock.now()));
  await loadOurs(run, target, work);
  const types = [...new Set(target.associations.map((plan) => plan.toType.apiType))];
  for (const toType of types) await pairsOfType(run, target, work, toType);
  finish(run, work);
  if (!run.dryRun) await persist(run, work);
  else {
    await run.audit.flush(run.store);
    await run.lease.keepAlive();
  }
}

/** Counts and reports the rows left with orphaned targets. */
function finish(run: OutboundRun, work: readonly RowWork[]): void {
  for (const item of work) {
    if (item.orphans.length > 0) {
      run.tally.orphans += 1;
      for (const orphan of item.orphans) {
        run.audit.note("associations", {
          level: "warn",
          action: "orphaned",
          recordId: item.row.fromId ?? null,
          message: `row "${item.row.rowKey}": no ${orphan.toType} has ${JSON.stringify(orphan.targetKey)} yet; the record is written without that association and remembered as an orphan`,
          details: { rowKey: item.row.rowKey, association: orphan.association, targetKey: orphan.targetKey },
        });
      }
      run.tally.sample("orphan", `${run.dryRun ? "would leave" : "left"} row ${item.row.rowKey} without its ${item.orphans[0]?.toType ?? ""} ${JSON.stringify(item.orphans[0]?.targetKey ?? "")} (not in HubSpot yet)`, item.row.rowKey, item.row.fromId);
    }
  }
}

async function persist(run: OutboundRun, work: readonly RowWork[]): Promise<void> {
  const rows = work.filter((item) => item.row.fromId !== undefined && item.row.stored !== undefined);
  const keys = rows.map((item) => item.row.rowKey);
  const puts: OutboundRowInput[] = [];
  for (const item of rows) {
    const stored = item.row.stored;
    if (stored === undefined) continue;
    const { sync: _sync, portal: _portal, ...rest } = stored;
    if (item.errors.length === 0) {
      puts.push({ ...rest, hash: stored.pendingHash ?? stored.hash, pendingHash: null, status: "synced", error: null });
    } else {
      run.tally.failed += 1;
      puts.push({ ...rest, status: "failed", error: item.errors.join("; ") });
    }
  }
  await run.store.transaction(async (tx) => {
    await run.store.replaceOutboundAssociations(tx, run.sync.name, run.portal, keys, rows.flatMap((item) => item.ours));
    await run.store.replaceOutboundOrphans(tx, run.sync.name, run.portal, keys, rows.flatMap((item) => item.orphans));
    await run.store.putOutboundRows(tx, run.sync.name, run.portal, puts);
    await run.audit.flush(run.store, tx);
    await run.lease.renewIfDue(tx);
  });
}
