import type { RunId } from "../../core/ids.ts";
import type { HubSpotRecord } from "../../hubspot/index.ts";
import type { CoercionWarning, PropertyHistoryInput, StoreTx } from "../../store/index.ts";
import { mergedLosers, recordInput } from "./record-input.ts";
import type { RunContext } from "./run-context.ts";
import type { StreamCursor } from "./stream-cursor.ts";
import type { StreamState } from "./stream-state.ts";

/** What one page changes in the store, committed together with the cursor that covers it. */
export interface PageWrite {
  /** Records to store as HubSpot has them now. */
  upserts: readonly HubSpotRecord[];
  /** Ids of records that no longer match the stream's filter: their live rows leave the mirror. */
  leavers: readonly string[];
  history: readonly PropertyHistoryInput[];
  /** The stream's cursor after this page. */
  cursor: StreamCursor;
  /** Stamped on every upserted row (last_seen_run): a listing pass sweeps rows without its stamp. */
  mark: RunId;
  /** Runs in the same transaction, after the page (the end of a listing pass sweeps here); returns rows it marked deleted. */
  finish?: (tx: StoreTx, at: string) => Promise<number>;
}

/**
 * Writes a page and moves the stream's cursor in one transaction, so a crash leaves both or
 * neither: the next run resumes exactly after the last committed page (pitfall 1). Records
 * merged into an upserted record are marked merged into it (pitfall 7); values that do not fit
 * their column and history entries without a timestamp are noted in the audit log.
 */
export async function commitPage(ctx: RunContext, state: StreamState, write: PageWrite): Promise<void> {
  const { store, portal } = ctx;
  const type = state.prepared.plan.type.storeType;
  const { audit } = state;
  try {
    const outcome = await store.transaction(async (tx) => {
      const at = new Date(ctx.clock.now()).toISOString();
      await ctx.lease.renewIfDue(tx);
      let written = 0;
      let warnings: CoercionWarning[] = [];
      if (write.upserts.length > 0) {
        const result = await store.upsertRecords(tx, portal, type, write.upserts.map(recordInput), write.mark);
        written = result.written;
        warnings = result.warnings;
      }
      let historyRejected = 0;
      if (write.history.length > 0) {
        const result = await store.upsertPropertyHistory(tx, portal, type, write.history);
        historyRejected = result.rejected.length;
        for (const entry of result.rejected) {
          audit.note({ level: "warn", recordId: entry.objectId, action: "history_rejected", message: `A history entry of ${entry.property} has no readable timestamp (${JSON.stringify(entry.timestamp)}); skipped`, details: entry });
        }
      }
      let merged = 0;
      for (const record of write.upserts) {
        for (const loser of mergedLosers(record)) {
          if ((await store.survivorOf(portal, type, loser, tx)) === record.id) continue;
          const result = await store.markMerged(tx, portal, type, loser, record.id, at);
          if (result.loserMarked) {
            merged += 1;
            audit.note({ level: "info", recordId: loser, action: "merged", message: `Merged into ${record.id} in HubSpot`, details: { survivor: record.id, associationsRepointed: result.associationsRepointed } });
          }
        }
      }
      const left = write.leavers.length > 0 ? await store.markDeleted(tx, portal, type, write.leavers, at) : [];
      for (const id of left) {
        audit.note({ level: "info", recordId: id, action: "filtered_out", message: "No longer matches the stream's filter: marked deleted here (it still exists in HubSpot)" });
      }
      for (const warning of warnings) {
        audit.note({
          level: "warn",
          recordId: warning.recordId,
          action: "value_not_typed",
          message: `${warning.property}: ${JSON.stringify(warning.value)} is not a valid ${warning.expectedType}; NULL in its column, kept in properties_json`,
          details: { property: warning.property, value: warning.value, expectedType: warning.expectedType },
        });
      }
      const finished = write.finish === undefined ? 0 : await write.finish(tx, at);
      const put = await store.putCursor(tx, state.key, write.cursor, state.version);
      if (!put.ok) throw put.error;
      const notes = audit.pending();
      if (notes.length > 0) await store.appendAudit(notes, tx);
      return { written, warnings: warnings.length + historyRejected, merged, left: left.length + finished, version: put.value.version, notes: notes.length };
    });
    state.version = outcome.version;
    state.cursor = write.cursor;
    audit.committed(outcome.notes);
    state.counter.written += outcome.written;
    state.counter.warnings += outcome.warnings;
    state.counter.merged += outcome.merged;
    state.counter.deleted += outcome.left;
  } catch (error) {
    audit.discard();
    throw error;
  }
}
