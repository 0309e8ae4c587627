import { syncId } from "../../core/ids.ts";
import type { OutboundRecordId, OutboundRecordIds } from "./outbound-contract.ts";

/**
 * The write-back: each row of the sync and the HubSpot record it became (archived records
 * left out), page by page in key order, from the store alone.
 */
export const outboundRecordIds: OutboundRecordIds = async function* (deps, sync) {
  for await (const page of deps.store.scanOutboundRows(syncId(sync), { withRecord: true, statuses: ["synced", "failed"] })) {
    const ids: OutboundRecordId[] = [];
    for (const row of page) {
      if (row.hubspotId === null) continue;
      ids.push({ key: row.rowKey, hubspotId: row.hubspotId, syncedAt: row.lastSyncedAt ?? row.firstSyncedAt ?? "" });
    }
    if (ids.length > 0) yield ids;
  }
};
