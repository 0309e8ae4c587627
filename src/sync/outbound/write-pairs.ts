import type { HubSpotId } from "../../core/ids.ts";
import type { AssociationOutcome, AssociationPair, AssociationTypeRef, TypedAssociationPair } from "../../hubspot/index.ts";
import { diffPair, type OursEntry, type PairPlan } from "./association-diff.ts";
import { callOptions, type OutboundRun } from "./outbound-run.ts";
import type { OutboundTarget } from "./outbound-target.ts";
import type { RowWork } from "./row-work.ts";
import { writeBatch } from "./write-records.ts";

interface PairWork {
  item: RowWork;
  fromId: HubSpotId | undefined;
  toId: HubSpotId;
  plan: PairPlan;
  /** Label → type, as HubSpot has them on the pair (others' labels are sent back with their own types). */
  actualTypes: Map<string | null, AssociationTypeRef>;
  oursBefore: Array<{ association: string; label: string | null }>;
}

/**
 * Diffs and writes every pair of a chunk's rows with records of one type: HubSpot's current
 * associations are read (1,000 records a call) only for rows whose pairs carry labels or may
 * lose something; the writes are grouped by kind, 2,000 pairs a call.
 */
export async function pairsOfType(run: OutboundRun, target: OutboundTarget, work: readonly RowWork[], toType: string): Promise<void> {
  const pairsOf = (item: RowWork): Array<{ toId: HubSpotId; desired: Map<string | null, string[]>; ours: Map<string | null, OursEntry[]> }> => {
    const desired = item.desired.get(toType) ?? new Map<HubSpotId, Map<string | null, string[]>>();
    const ours = item.oursBefore.get(toType) ?? new Map<HubSpotId, Map<string | null, OursEntry[]>>();
    return [...new Set([...desired.keys(), ...ours.keys()])].map((toId) => ({ toId, desired: desired.get(toId) ?? new Map(), ours: ours.get(toId) ?? new Map() }));
  };
  // HubSpot is read only for rows whose pairs set labels (sent whole) or may lose something.
  const needsActual = (item: RowWork): boolean =>
    item.row.fromId !== undefined &&
    pairsOf(item).some(
      ({ desired, ours }) =>
        [...desired.keys()].some((label) => label !== null) || [...ours].some(([label, entries]) => !desired.has(label) && entries.some((entry) => entry.removeMissing)),
    );
  const reading = work.filter(needsActual).map((item) => item.row.fromId as HubSpotId);
  const actual = new Map<HubSpotId, Map<HubSpotId, Map<string | null, AssociationTypeRef>>>();
  if (reading.length > 0 && !target.missingObject) {
    for await (const page of run.client.readAssociations(target.type.apiType, toType, reading, callOptions(run))) {
      for (const row of page.results) {
        const byTarget = actual.get(row.fromId) ?? new Map<HubSpotId, Map<string | null, AssociationTypeRef>>();
        actual.set(row.fromId, byTarget);
        const labels = byTarget.get(row.toId) ?? new Map<string | null, AssociationTypeRef>();
        byTarget.set(row.toId, labels);
        const category = row.category === "HUBSPOT_DEFINED" || row.category === "USER_DEFINED" || row.category === "INTEGRATOR_DEFINED" ? row.category : "USER_DEFINED";
        labels.set(row.label, { category, typeId: row.typeId });
      }
    }
  }
  const readSet = new Set(reading);

  const pairs: PairWork[] = [];
  for (const item of work) {
    for (const { toId, desired, ours } of pairsOf(item)) {
      const fromId = item.row.fromId;
      const actualTypes = fromId === undefined ? new Map<string | null, AssociationTypeRef>() : (actual.get(fromId)?.get(toId) ?? new Map<string | null, AssociationTypeRef>());
      // A record a dry run would create has no associations yet: known, and empty.
      const known = fromId === undefined || readSet.has(fromId);
      const plan = diffPair({ fromId: fromId ?? ("" as HubSpotId), toId, desired, ours, actual: known ? new Set(actualTypes.keys()) : undefined });
      const oursBefore = [...ours].flatMap(([label, entries]) => entries.map((entry) => ({ association: entry.association, label })));
      pairs.push({ item, fromId, toId, plan, actualTypes, oursBefore });
    }
  }
  await writePairs(run, target, toType, pairs);
}

async function writePairs(run: OutboundRun, target: OutboundTarget, toType: string, pairs: readonly PairWork[]): Promise<void> {
  const storeType = target.associations.find((plan) => plan.toType.apiType === toType)?.toType.storeType ?? toType;
  const describe = (pair: PairWork, labels?: readonly string[]): string =>
    `${target.type.storeType} ${pair.fromId ?? "(new)"} → ${storeType} ${pair.toId}${labels === undefined || labels.length === 0 ? "" : ` (${labels.join(", ")})`}`;
  const succeeded = (pair: PairWork): void => {
    run.tally.associationsCreated += run.dryRun ? 0 : pair.plan.added;
    run.tally.associationsRemoved += run.dryRun ? 0 : pair.plan.removed;
    run.tally.plan.associationsToCreate += pair.plan.added;
    run.tally.plan.associationsToRemove += pair.plan.removed;
    const verb = run.dryRun ? "would " : "";
    if (pair.plan.added > 0) run.tally.sample("associate", `${verb}associate ${describe(pair, pair.plan.op.kind === "setLabels" ? pair.plan.op.labels : undefined)}`, pair.item.row.rowKey, pair.fromId);
    if (pair.plan.removed > 0) run.tally.sample("unassociate", `${verb}remove ${describe(pair, pair.plan.op.kind === "removeLabels" ? pair.plan.op.labels : undefined)}`, pair.item.row.rowKey, pair.fromId);
    if (pair.fromId !== undefined) for (const own of pair.plan.oursAfter) pair.item.ours.push({ rowKey: pair.item.row.rowKey, association: own.association, fromId: pair.fromId, toType, toId: pair.toId, label: own.label });
  };
  const failed = (pair: PairWork, outcome: AssociationOutcome | undefined, what: string): void => {
    const message = `row "${pair.item.row.rowKey}": HubSpot refused to ${what} ${describe(pair)}: ${outcome?.error?.message ?? "no reason given"}`;
    pair.item.errors.push(message);
    run.audit.note("associations", {
      level: "error",
      action: "association_failed",
      recordId: pair.fromId ?? null,
      message,
      details: { rowKey: pair.item.row.rowKey, toType: storeType, toId: pair.toId, category: outcome?.error?.category ?? null, reason: outcome?.error?.message ?? null },
    });
    if (pair.fromId !== undefined) for (const own of pair.oursBefore) pair.item.ours.push({ rowKey: pair.item.row.rowKey, association: own.association, fromId: pair.fromId, toType, toId: pair.toId, label: own.label });
  };

  const active = pairs.filter((pair) => pair.plan.op.kind !== "none");
  for (const pair of pairs) if (pair.plan.op.kind === "none") succeeded(pair);
  if (run.dryRun || active.some((pair) => pair.fromId === undefined)) {
    for (const pair of active) succeeded(pair);
    return;
  }

  const typeOf = async (pair: PairWork, label: string): Promise<AssociationTypeRef | undefined> => pair.actualTypes.get(label) ?? (await target.labels.typeOf(toType, label));
  const typed = async (pair: PairWork, labels: readonly string[]): Promise<TypedAssociationPair | string> => {
    const types: AssociationTypeRef[] = [];
    for (const label of labels) {
      const type = await typeOf(pair, label);
      if (type === undefined) return label;
      types.push(type);
    }
    return { fromId: pair.fromId ?? "", toId: pair.toId, types };
  };
  const groups: Array<{ kind: "createDefault" | "setLabels" | "removeLabels" | "removePair"; what: string; pairs: PairWork[]; inputs: Array<AssociationPair | TypedAssociationPair> }> = [
    { kind: "setLabels", what: "label", pairs: [], inputs: [] },
    { kind: "createDefault", what: "associate", pairs: [], inputs: [] },
    { kind: "removeLabels", what: "remove labels from", pairs: [], inputs: [] },
    { kind: "removePair", what: "remove the association", pairs: [], inputs: [] },
  ];
  for (const pair of active) {
    const op = pair.plan.op;
    const group = groups.find((g) => g.kind === op.kind);
    if (group === undefined) continue;
    if (op.kind === "setLabels" || op.kind === "removeLabels") {
      const input = await typed(pair, op.labels);
      if (typeof input === "string") {
        failed(pair, { fromId: pair.fromId ?? ("" as HubSpotId), toId: pair.toId, status: "failed", error: { category: "LABEL_NOT_FOUND", message: `the association label "${input}" does not exist in HubSpot` } }, group.what);
        continue;
      }
      group.inputs.push(input);
    } else {
      group.inputs.push({ fromId: pair.fromId ?? "", toId: pair.toId });
    }
    group.pairs.push(pair);
  }
  const from = target.type.apiType;
  for (const group of groups) {
    if (group.inputs.length === 0) continue;
    const write = (): Promise<AssociationOutcome[]> => {
      switch (group.kind) {
        case "setLabels":
          return run.client.createAssociations(from, toType, group.inputs as TypedAssociationPair[], callOptions(run));
        case "createDefault":
          return run.client.createDefaultAssociations(from, toType, group.inputs, callOptions(run));
        case "removeLabels":
          return run.client.archiveAssociationLabels(from, toType, group.inputs as TypedAssociationPair[], callOptions(run));
        case "removePair":
          return run.client.archiveAssociations(from, toType, group.inputs, callOptions(run));
      }
    };
    const outcomes = await writeBatch(run, "associations", group.inputs.length, write);
    group.pairs.forEach((pair, index) => {
      const outcome = outcomes[index];
      if (outcome !== undefined && outcome.status !== "failed") succeeded(pair);
      else failed(pair, outcome, group.what);
    });
  }
}

