import { z } from "zod";
import type { HubSpotId } from "../../core/ids.ts";
import type { AssociationValue } from "../../mapping/index.ts";
import type { OutboundRow } from "../../store/index.ts";

/** A row whose associations are to be resolved and written (or, in a dry run, planned). */
export interface PendingRow {
  rowKey: string;
  /** The row's record; undefined only in a dry run, for a record that would be created. */
  fromId: HubSpotId | undefined;
  /** Association key → the targets the row names. */
  targets: Record<string, AssociationValue[]>;
  /** What the store holds for the row (absent in a dry run for a new row). */
  stored: OutboundRow | undefined;
}

const targetsSchema = z.record(z.string(), z.array(z.object({ key: z.string(), label: z.string().nullable() })));

/** The targets a stored row declared when last read; none when the JSON is not the engine's. */
export function storedTargets(row: OutboundRow): Record<string, AssociationValue[]> {
  const parsed = targetsSchema.safeParse(row.targets);
  return parsed.success ? parsed.data : {};
}

/** A stored row as a pending one. */
export function pendingFromStored(row: OutboundRow): PendingRow {
  return { rowKey: row.rowKey, fromId: row.hubspotId ?? undefined, targets: storedTargets(row), stored: row };
}
