import type { HubSpotId } from "../../core/ids.ts";

/** One entry of what a sync wrote on a pair: which of its associations declared it, and what that association allows. */
export interface OursEntry {
  association: string;
  /** The association removes what left the source. */
  removeMissing: boolean;
  /** …and the unlabelled default once the pair's last label is gone. */
  removeDefault: boolean;
}

/** A (from, to) pair as the run sees it. Labels are names; `null` is HubSpot's unlabelled default association. */
export interface PairState {
  fromId: HubSpotId;
  toId: HubSpotId;
  /** Label → the sync's associations that want it now. */
  desired: ReadonlyMap<string | null, readonly string[]>;
  /** Label → what the sync wrote before. */
  ours: ReadonlyMap<string | null, readonly OursEntry[]>;
  /** Labels HubSpot has on the pair now (null when the pair exists at all); undefined when not read. */
  actual: ReadonlySet<string | null> | undefined;
}

/** The one call a pair needs (v4 associations replace a pair's labels with what is sent). */
export type PairOp =
  | { kind: "none" }
  | { kind: "createDefault" }
  | { kind: "setLabels"; labels: string[] }
  | { kind: "removeLabels"; labels: string[] }
  | { kind: "removePair" };

export interface PairPlan {
  op: PairOp;
  /** (pair, label) units the op adds and removes. */
  added: number;
  removed: number;
  /** What the sync owns of the pair once the op succeeded (or when there is none). */
  oursAfter: Array<{ association: string; label: string | null }>;
}

/**
 * Desired against actual for one pair (pitfall 13). Labels are set in one call that keeps
 * the labels others put on the pair; labels this sync wrote and no longer wants are taken off
 * when their association says `removeMissing`; the pair itself goes only when nothing is left
 * on it that this sync did not write, and (for the default under removed labels) when
 * `removeDefaultWhenLastLabelRemoved` asks. What the sync owns afterwards is what it wants
 * plus what it wrote that is still there.
 */
export function diffPair(pair: PairState): PairPlan {
  const desiredLabels = new Set([...pair.desired.keys()].filter((label): label is string => label !== null));
  const wantsDefault = pair.desired.has(null);
  const ourLabels = [...pair.ours.keys()].filter((label): label is string => label !== null);
  const removable = (label: string | null): boolean => (pair.ours.get(label) ?? []).some((entry) => entry.removeMissing);
  const toRemove = new Set(ourLabels.filter((label) => !desiredLabels.has(label) && removable(label)));
  const removeDefault = [...toRemove].some((label) => (pair.ours.get(label) ?? []).some((entry) => entry.removeDefault));
  const defaultRemovable = pair.ours.has(null) && !wantsDefault && removable(null);

  let op: PairOp = { kind: "none" };
  let added = 0;
  let removed = 0;
  let present: (label: string | null) => boolean;
  if (pair.actual === undefined) {
    // Not read: only unlabelled additions are decided without HubSpot (they touch no label).
    if (wantsDefault && !pair.ours.has(null)) {
      op = { kind: "createDefault" };
      added = 1;
    }
    present = (label) => pair.desired.has(label) || pair.ours.has(label);
  } else {
    const actual = pair.actual;
    const exists = actual.size > 0;
    const actualLabels = new Set([...actual].filter((label): label is string => label !== null));
    const removing = new Set([...toRemove].filter((label) => actualLabels.has(label)));
    if (desiredLabels.size > 0) {
      const target = new Set([...actualLabels].filter((label) => !removing.has(label)));
      for (const label of desiredLabels) target.add(label);
      if (!exists || target.size !== actualLabels.size || [...target].some((label) => !actualLabels.has(label))) {
        op = { kind: "setLabels", labels: [...target].sort() };
        added = [...desiredLabels].filter((label) => !actualLabels.has(label)).length + (!exists && wantsDefault ? 1 : 0);
        removed = removing.size;
      }
      present = (label) => (label === null ? true : target.has(label));
    } else if (removing.size > 0) {
      const remaining = [...actualLabels].filter((label) => !removing.has(label));
      if (remaining.length === 0 && !wantsDefault && (removeDefault || defaultRemovable)) {
        op = { kind: "removePair" };
        removed = removing.size + 1;
        present = () => false;
      } else {
        op = { kind: "removeLabels", labels: [...removing].sort() };
        removed = removing.size;
        present = (label) => label === null || remaining.includes(label);
      }
    } else if (defaultRemovable && exists && actualLabels.size === 0) {
      op = { kind: "removePair" };
      removed = 1;
      present = () => false;
    } else if (wantsDefault && !exists) {
      op = { kind: "createDefault" };
      added = 1;
      present = (label) => label === null;
    } else {
      present = (label) => actual.has(label);
    }
  }

  const oursAfter: Array<{ association: string; label: string | null }> = [];
  const owned = new Set<string>();
  const own = (association: string, label: string | null): void => {
    const id = `${association}\u0000${label ?? ""}`;
    if (owned.has(id) || !present(label)) return;
    owned.add(id);
    oursAfter.push({ association, label });
  };
  for (const [label, associations] of pair.desired) for (const association of associations) own(association, label);
  for (const [label, entries] of pair.ours) for (const entry of entries) own(entry.association, label);
  return { op, added, removed, oursAfter };
}
