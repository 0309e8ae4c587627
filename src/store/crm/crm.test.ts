import assert from "node:assert/strict";
import { bothStores } from "../test-support/both-stores.ts";
import { otherPortal, portal } from "../test-support/record-builders.ts";

const stage = (id: string, displayOrder: number, isClosed = "false") => ({
  id,
  label: id,
  displayOrder,
  metadata: { isClosed, probability: isClosed === "true" ? "1.0" : "0.2" },
});

bothStores("owners upsert by id, per portal", async ({ store }) => {
  await store.transaction((tx) =>
    store.upsertOwners(tx, portal, [
      { id: "1", email: "a@x.com", firstName: "A", userId: 10, teams: [{ id: "t1", name: "Sales", primary: true }] },
      { id: "2", email: "b@x.com" },
    ]),
  );
  await store.transaction((tx) => store.upsertOwners(tx, portal, [{ id: "2", email: "b2@x.com", archived: true }]));
  await store.transaction((tx) => store.upsertOwners(tx, otherPortal, [{ id: "1", email: "other@x.com" }]));
  const owners = await store.owners(portal);
  assert.deepEqual(
    owners.map((o) => [o.id, o.email, o.userId, o.archived, o.teams]),
    [
      ["1", "a@x.com", "10", false, [{ id: "t1", name: "Sales", primary: true }]],
      ["2", "b2@x.com", null, true, []],
    ],
  );
});

bothStores("replacing pipelines upserts the given ones and marks the missing archived", async ({ store }) => {
  await store.transaction((tx) =>
    store.replacePipelines(tx, portal, "deals", [
      { id: "default", label: "Sales", displayOrder: 0, stages: [stage("appointmentscheduled", 0), stage("closedwon", 1, "true"), stage("closedlost", 2, "true")] },
      { id: "p2", label: "Renewals", displayOrder: 1, stages: [stage("r1", 0)] },
    ]),
  );
  const second = await store.transaction((tx) =>
    store.replacePipelines(tx, portal, "deals", [
      { id: "default", label: "Sales (new)", displayOrder: 0, stages: [stage("appointmentscheduled", 0), stage("closedwon", 1, "true")] },
    ]),
  );
  assert.deepEqual(second, { pipelines: 1, stages: 2, archivedPipelines: 1, archivedStages: 2 });
  const pipelines = await store.pipelines(portal, "deals");
  assert.deepEqual(
    pipelines.map((p) => [p.id, p.label, p.archived, p.stages.map((s) => `${s.id}${s.archived ? " (archived)" : ""}`)]),
    [
      ["default", "Sales (new)", false, ["appointmentscheduled", "closedwon", "closedlost (archived)"]],
      ["p2", "Renewals", true, ["r1 (archived)"]],
    ],
  );
  assert.deepEqual(pipelines[0]?.stages[1]?.metadata, { isClosed: "true", probability: "1.0" });
  assert.deepEqual(await store.pipelines(portal, "tickets"), []);
});

bothStores("lists upsert and memberships are replaced as a set", async ({ store }) => {
  await store.transaction((tx) =>
    store.upsertLists(tx, portal, [{ id: "7", name: "VIPs", objectTypeId: "0-1", processingType: "MANUAL", size: 3 }]),
  );
  const first = await store.transaction((tx) => store.replaceListMemberships(tx, portal, "7", ["1", "2", "3"]));
  assert.deepEqual(first, { added: 3, removed: 0 });
  const second = await store.transaction((tx) => store.replaceListMemberships(tx, portal, "7", ["2", "3", "4", "4"]));
  assert.deepEqual(second, { added: 1, removed: 1 });
  assert.deepEqual(await store.listMembers(portal, "7"), ["2", "3", "4"]);
  await store.transaction((tx) =>
    store.upsertLists(tx, portal, [{ id: "7", name: "VIP customers", objectTypeId: "0-1", processingType: "MANUAL", size: 3 }]),
  );
  assert.deepEqual((await store.lists(portal)).map((l) => [l.id, l.name, l.size]), [["7", "VIP customers", 3]]);
});
