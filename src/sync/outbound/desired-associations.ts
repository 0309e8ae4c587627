import type { HubSpotId } from "../../core/ids.ts";
import type { DerivedTargets } from "./derive-targets.ts";
import type { OutboundRun } from "./outbound-run.ts";
import type { AssociationPlan, OutboundTarget } from "./outbound-target.ts";
import type { PendingRow } from "./pending-row.ts";
import type { TargetResolver } from "./resolve-targets.ts";
import type { RowWork } from "./row-work.ts";

/**
 * What each row of a chunk wants associated: its targets resolved in batches (a value not
 * found is an orphan; one several records hold and the association cannot choose among is an
 * error of the row), then the derived associations through them.
 */
export async function desiredAssociations(run: OutboundRun, target: OutboundTarget, work: readonly RowWork[], resolver: TargetResolver, derived: DerivedTargets, now: string): Promise<void> {
  const want = (item: RowWork, plan: AssociationPlan, toId: HubSpotId, label: string | null): void => {
    const byTarget = item.desired.get(plan.toType.apiType) ?? new Map<HubSpotId, Map<string | null, string[]>>();
    item.desired.set(plan.toType.apiType, byTarget);
    const labels = byTarget.get(toId) ?? new Map<string | null, string[]>();
    byTarget.set(toId, labels);
    const keys = labels.get(label) ?? [];
    if (!keys.includes(plan.key)) keys.push(plan.key);
    labels.set(label, keys);
  };

  for (const plan of target.associations) {
    if (plan.derived !== undefined) continue;
    const values = targetValues(plan, work.map((item) => item.row));
    const resolutions = await resolver.resolve(plan, values);
    for (const item of work) {
      const ids: HubSpotId[] = [];
      for (const value of item.row.targets[plan.key] ?? []) {
        const resolution = resolutions.get(value.key) ?? { kind: "missing" };
        if (resolution.kind === "found") {
          for (const id of resolution.ids) {
            ids.push(id);
            want(item, plan, id, value.label);
          }
        } else if (resolution.kind === "missing") {
          item.orphans.push({ rowKey: item.row.rowKey, association: plan.key, targetKey: value.key, toType: plan.toType.storeType, since: now, runId: run.runId });
        } else {
          const message = `row "${item.row.rowKey}": ${resolution.ids.length} ${plan.toType.storeType} have ${plan.config.by} ${JSON.stringify(value.key)} (ids ${resolution.ids.join(", ")}); set resolve: most_recently_active or all on the association to ${plan.config.toObjectType} (column ${plan.config.column}) to choose`;
          item.errors.push(message);
          run.audit.note("associations", { level: "error", action: "ambiguous_target", recordId: item.row.fromId ?? null, message, details: { rowKey: item.row.rowKey, association: plan.key, targetKey: value.key } });
        }
      }
      item.resolved.set(plan.key, ids);
    }
  }
  for (const plan of target.associations) {
    if (plan.derived === undefined) continue;
    const through = target.associations[plan.derived.through];
    if (through === undefined) continue;
    const leads = await derived.derive(plan, through.toType, work.flatMap((item) => item.resolved.get(through.key) ?? []));
    for (const item of work) {
      for (const id of item.resolved.get(through.key) ?? []) for (const toId of leads.get(id) ?? []) want(item, plan, toId, plan.config.label ?? null);
    }
  }
}

/** The values rows name for an association (what the resolver is asked about). */
export function targetValues(plan: AssociationPlan, rows: readonly PendingRow[]): string[] {
  return rows.flatMap((row) => (row.targets[plan.key] ?? []).map((value) => value.key));
}
