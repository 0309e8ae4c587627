import type { RunId } from "../../core/ids.ts";
import { executor, write, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import { auditEntryFromRow, type AuditEntry, type AuditEntryInput } from "./audit-entry.ts";

/** Appends entries, stamped with the store's clock. Inside a transaction they commit with it. */
export async function appendAudit(ctx: StoreContext, entries: readonly AuditEntryInput[], tx?: StoreTx): Promise<void> {
  const at = isoFromMs(ctx.clock.now());
  const rows = entries.map((e) => ({
    run_id: e.runId ?? null,
    at,
    level: e.level,
    stream: e.stream ?? null,
    record_id: e.recordId ?? null,
    action: e.action,
    message: e.message,
    details_json: e.details === undefined ? null : JSON.stringify(e.details),
  }));
  await write(ctx, tx, async (db) => {
    for (const chunk of chunkRows(rows, 8, ctx.flavor.maxParameters)) await db.insertInto("audit_log").values(chunk).execute();
  });
}

export interface AuditQuery {
  /** Only entries at these levels. */
  levels?: readonly AuditEntryInput["level"][];
  limit?: number;
}

/** A run's entries in the order they were written. */
export async function auditEntries(ctx: StoreContext, run: RunId, query: AuditQuery = {}, tx?: StoreTx): Promise<AuditEntry[]> {
  if (query.levels?.length === 0) return [];
  const rows = await executor(ctx, tx)
    .selectFrom("audit_log")
    .selectAll()
    .where("run_id", "=", run)
    .$if(query.levels !== undefined, (qb) => qb.where("level", "in", query.levels ?? []))
    .orderBy("id")
    .$if(query.limit !== undefined, (qb) => qb.limit(query.limit ?? 0))
    .execute();
  return rows.map(auditEntryFromRow);
}
