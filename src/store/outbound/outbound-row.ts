import type { Selectable } from "kysely";
import { hubSpotId, portalId, runId, syncId, type HubSpotId, type PortalId, type RunId, type SyncId } from "../../core/ids.ts";
import { readBool, readJson, readTimestamp } from "../sql/read-value.ts";
import type { DbOutboundRow } from "../store-schema.ts";

/**
 * Where an outbound row stands: `synced` (its record was written; `pendingHash` says its
 * associations are still to be applied), `failed` (the last attempt did not land; `error`
 * says why) or `archived` (mirror mode archived the record this sync created).
 */
export const outboundRowStatuses = ["synced", "failed", "archived"] as const;
export type OutboundRowStatus = (typeof outboundRowStatuses)[number];

/** One source row of an outbound sync, as the store remembers it. */
export interface OutboundRow {
  sync: SyncId;
  portal: PortalId;
  rowKey: string;
  /** The HubSpot record the row became (write-back); kept when a later write fails. */
  hubspotId: HubSpotId | null;
  status: OutboundRowStatus;
  error: string | null;
  /** Content hash (properties + association targets) fully applied in HubSpot: equal next time = no call. */
  hash: string | null;
  /** Hash of the properties last written: equal next time = only associations may need work. */
  propertiesHash: string | null;
  /** The content hash to record once the row's associations are applied; null when none are pending. */
  pendingHash: string | null;
  /** The association targets the row declared when last read (the engine's own JSON), or null. */
  targets: unknown;
  /** This sync created the record (mirror mode archives only those). */
  createdBySync: boolean;
  /** The record is in the sync's static list, as far as the sync knows. */
  listMember: boolean;
  firstSyncedAt: string | null;
  lastSyncedAt: string | null;
  /** The last run whose source had this row. */
  lastSeenRun: RunId | null;
  archivedAt: string | null;
}

/** A row to write: everything but its sync and portal, which the call names. */
export type OutboundRowInput = Omit<OutboundRow, "sync" | "portal">;

export function outboundRowFromDb(row: Selectable<DbOutboundRow>): OutboundRow {
  const status = outboundRowStatuses.find((s) => s === row.status);
  if (status === undefined) throw new TypeError(`outbound_rows ${row.sync}/${row.row_key} has unknown status ${row.status}`);
  return {
    sync: syncId(row.sync),
    portal: portalId(row.portal),
    rowKey: row.row_key,
    hubspotId: row.hubspot_id === null ? null : hubSpotId(row.hubspot_id),
    status,
    error: row.error,
    hash: row.hash,
    propertiesHash: row.properties_hash,
    pendingHash: row.pending_hash,
    targets: row.targets_json === null ? null : readJson(row.targets_json),
    createdBySync: readBool(row.created_by_sync),
    listMember: readBool(row.list_member),
    firstSyncedAt: readTimestamp(row.first_synced_at),
    lastSyncedAt: readTimestamp(row.last_synced_at),
    lastSeenRun: row.last_seen_run === null ? null : runId(row.last_seen_run),
    archivedAt: readTimestamp(row.archived_at),
  };
}
