import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hubSpotId } from "../../core/ids.ts";
import { diffPair, type OursEntry, type PairState } from "./association-diff.ts";

const keep: OursEntry = { association: "a", removeMissing: false, removeDefault: false };
const remove: OursEntry = { association: "a", removeMissing: true, removeDefault: false };
const removeAll: OursEntry = { association: "a", removeMissing: true, removeDefault: true };

function pair(desired: Array<string | null>, ours: Array<[string | null, OursEntry]>, actual?: Array<string | null>): PairState {
  return {
    fromId: hubSpotId("1"),
    toId: hubSpotId("2"),
    desired: new Map(desired.map((label) => [label, ["a"]])),
    ours: new Map(ours.map(([label, entry]) => [label, [entry]])),
    actual: actual === undefined ? undefined : new Set(actual),
  };
}

describe("diffPair", () => {
  it("adds an unlabelled association without reading HubSpot, once", () => {
    assert.deepEqual(diffPair(pair([null], [])).op, { kind: "createDefault" });
    assert.deepEqual(diffPair(pair([null], [[null, keep]])).op, { kind: "none" });
    assert.deepEqual(diffPair(pair([null], [], [null])).op, { kind: "none" }, "already there");
  });

  it("sets labels in one call that keeps the labels others put on the pair", () => {
    const plan = diffPair(pair(["Employer"], [], [null, "Investor"]));
    assert.deepEqual(plan.op, { kind: "setLabels", labels: ["Employer", "Investor"] });
    assert.equal(plan.added, 1);
    assert.deepEqual(plan.oursAfter, [{ association: "a", label: "Employer" }]);
    assert.deepEqual(diffPair(pair(["Employer"], [["Employer", keep]], [null, "Employer"])).op, { kind: "none" });
  });

  it("swaps a label this sync wrote for the new one when it removes what left", () => {
    const plan = diffPair(pair(["Billing"], [["Employer", remove]], [null, "Employer", "Investor"]));
    assert.deepEqual(plan.op, { kind: "setLabels", labels: ["Billing", "Investor"] });
    assert.deepEqual([plan.added, plan.removed], [1, 1]);
    const kept = diffPair(pair(["Billing"], [["Employer", keep]], [null, "Employer"]));
    assert.deepEqual(kept.op, { kind: "setLabels", labels: ["Billing", "Employer"] }, "without removeMissing the old label stays");
    assert.deepEqual(kept.oursAfter.map((o) => o.label).sort(), ["Billing", "Employer"]);
  });

  it("takes only its own labels off; the pair goes when nothing is left and the option asks", () => {
    assert.deepEqual(diffPair(pair([], [["Referrer", remove]], [null, "Referrer"])).op, { kind: "removeLabels", labels: ["Referrer"] });
    const gone = diffPair(pair([], [["Referrer", removeAll]], [null, "Referrer"]));
    assert.deepEqual(gone.op, { kind: "removePair" });
    assert.equal(gone.removed, 2);
    assert.deepEqual(gone.oursAfter, []);
    assert.deepEqual(diffPair(pair([], [["Referrer", removeAll]], [null, "Referrer", "Friend"])).op, { kind: "removeLabels", labels: ["Referrer"] }, "another's label keeps the pair");
    assert.deepEqual(diffPair(pair([null], [["Referrer", removeAll]], [null, "Referrer"])).op, { kind: "removeLabels", labels: ["Referrer"] }, "the sync still wants the pair unlabelled");
  });

  it("removes an unlabelled pair it wrote only when no label remains on it", () => {
    assert.deepEqual(diffPair(pair([], [[null, remove]], [null])).op, { kind: "removePair" });
    const labelled = diffPair(pair([], [[null, remove]], [null, "Friend"]));
    assert.deepEqual(labelled.op, { kind: "none" });
    assert.deepEqual(diffPair(pair([], [[null, keep]], [null])).op, { kind: "none" }, "without removeMissing");
    assert.deepEqual(diffPair(pair([], [[null, remove]], [])).op, { kind: "none" }, "already gone");
    assert.deepEqual(diffPair(pair([], [[null, remove]], [])).oursAfter, [], "and forgotten");
  });

  it("claims a pair that was already there when the source declares it", () => {
    const plan = diffPair(pair([null], [], [null]));
    assert.deepEqual(plan.oursAfter, [{ association: "a", label: null }]);
  });
});
