import type { HubSpotId } from "../../core/ids.ts";
import type { OursEntry } from "./association-diff.ts";
import type { OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { PendingRow } from "./pending-row.ts";
import type { RowWork } from "./row-work.ts";

/** What the sync wrote before from each row's record, by target type and pair (read from the store). */
export async function loadOurs(run: OutboundRun, target: OutboundTarget, work: readonly RowWork[]): Promise<void> {
  const withRecord = work.filter((item): item is RowWork & { row: PendingRow & { fromId: HubSpotId } } => item.row.fromId !== undefined);
  const stored = run.dryRun && withRecord.every((item) => item.row.stored === undefined) ? [] : await run.store.outboundAssociations(run.sync.name, run.portal, withRecord.map((item) => item.row.rowKey));
  const plansByKey = new Map(target.associations.map((plan) => [plan.key, plan]));
  const byRow = new Map<string, typeof stored>();
  for (const entry of stored) {
    const list = byRow.get(entry.rowKey) ?? [];
    list.push(entry);
    byRow.set(entry.rowKey, list);
  }
  for (const item of work) {
    // What the sync wrote from this record (a row whose record changed id keeps nothing of the old one).
    const mine = (byRow.get(item.row.rowKey) ?? []).filter((entry) => entry.fromId === item.row.fromId);
    // Entries of associations no longer configured are kept as they are: leaving the config is not leaving the source.
    item.ours.push(...mine.filter((entry) => !plansByKey.has(entry.association)));
    const oursByType = item.oursBefore;
    for (const entry of mine) {
      const plan = plansByKey.get(entry.association);
      if (plan === undefined) continue;
      const byTarget = oursByType.get(plan.toType.apiType) ?? new Map<HubSpotId, Map<string | null, OursEntry[]>>();
      oursByType.set(plan.toType.apiType, byTarget);
      const labels = byTarget.get(entry.toId) ?? new Map<string | null, OursEntry[]>();
      byTarget.set(entry.toId, labels);
      labels.set(entry.label, [...(labels.get(entry.label) ?? []), { association: entry.association, removeMissing: plan.config.removeMissing, removeDefault: plan.config.removeDefaultWhenLastLabelRemoved }]);
    }
  }
}
