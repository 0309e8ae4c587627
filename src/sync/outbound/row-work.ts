import type { HubSpotId } from "../../core/ids.ts";
import type { OutboundAssociation, OutboundOrphan } from "../../store/index.ts";
import type { OursEntry } from "./association-diff.ts";
import type { PendingRow } from "./pending-row.ts";

/** Label (null: unlabelled) → the sync's associations that want it, per target record. */
export type Wanted = Map<HubSpotId, Map<string | null, string[]>>;

/** Target type (apiType) → target record → label → what the sync wrote on the pair before. */
export type OursByType = Map<string, Map<HubSpotId, Map<string | null, OursEntry[]>>>;

/** What one chunk of the associations phase finds out about one row. */
export interface RowWork {
  row: PendingRow;
  /** Target type (apiType) → target record → labels wanted. */
  desired: Map<string, Wanted>;
  /** Association key → the records its values resolved to (for associations derived through it). */
  resolved: Map<string, HubSpotId[]>;
  orphans: OutboundOrphan[];
  errors: string[];
  oursBefore: OursByType;
  /** What the sync owns of the row's pairs after this chunk. */
  ours: OutboundAssociation[];
}

export function rowWork(row: PendingRow): RowWork {
  return { row, desired: new Map(), resolved: new Map(), orphans: [], errors: [], oursBefore: new Map(), ours: [] };
}
