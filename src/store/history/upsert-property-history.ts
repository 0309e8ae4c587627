import { createHash } from "node:crypto";
import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs, normaliseTimestamp } from "../sql/iso-timestamp.ts";
import type { PropertyHistoryInput } from "./property-history.ts";

const PARAMS_PER_ROW = 11;

export interface UpsertPropertyHistoryResult {
  /** Entries not stored before. */
  inserted: number;
  /** Entries dropped because their timestamp is not a timestamp (reported, not thrown). */
  rejected: PropertyHistoryInput[];
}

/**
 * Adds history entries; one already stored (same record, property, timestamp and value) is
 * skipped, so re-reading history on every run is harmless.
 */
export async function upsertPropertyHistory(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  entries: readonly PropertyHistoryInput[],
): Promise<UpsertPropertyHistoryResult> {
  const now = isoFromMs(ctx.clock.now());
  const rejected: PropertyHistoryInput[] = [];
  const rows = [];
  for (const entry of entries) {
    const timestamp = normaliseTimestamp(entry.timestamp);
    if (timestamp === null) {
      rejected.push(entry);
      continue;
    }
    rows.push({
      portal,
      object_type: objectType,
      object_id: entry.objectId,
      property: entry.property,
      value: entry.value,
      value_hash: valueHash(entry.value),
      timestamp,
      source_type: entry.sourceType ?? null,
      source_id: entry.sourceId ?? null,
      updated_by_user_id: entry.updatedByUserId === null || entry.updatedByUserId === undefined ? null : String(entry.updatedByUserId),
      synced_at: now,
    });
  }
  if (rejected.length > 0) ctx.logger.warn({ objectType, count: rejected.length, first: rejected[0] }, "history entries without a valid timestamp skipped");
  let inserted = 0;
  for (const chunk of chunkRows(rows, PARAMS_PER_ROW, ctx.flavor.maxParameters)) {
    const result = await tx.db
      .insertInto("hs_property_history")
      .values(chunk)
      .onConflict((oc) => oc.columns(["portal", "object_type", "object_id", "property", "timestamp", "value_hash"]).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return { inserted, rejected };
}

/** The unique key hashes the value: PostgreSQL cannot index text past ~2.7 kB, and notes get long. */
function valueHash(value: string | null): string {
  return value === null ? "null" : createHash("sha256").update(value).digest("hex");
}
