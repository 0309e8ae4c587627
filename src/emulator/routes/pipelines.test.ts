import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

type Stage = { id: string; label: string; displayOrder: number; metadata: Record<string, string>; archived: boolean };

function optionValues(api: ReturnType<typeof emulatorApi>, typeName: string, property: string): string[] {
  const portal = api.emulator.parts.state.defaultPortal;
  return portal.properties(portal.resolveType(typeName)).get(property)?.options.map((o) => o.value) ?? [];
}

const dealStageIds = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];

test("the default deal pipeline is HubSpot's Sales Pipeline, by name or type id", async () => {
  const api = emulatorApi();
  for (const path of ["/crm/v3/pipelines/deals", "/crm/v3/pipelines/0-3"]) {
    const { status, body } = await api.call("GET", path);
    assert.equal(status, 200);
    assert.equal(body.results.length, 1);
    const [pipeline] = body.results;
    assert.equal(pipeline.id, "default");
    assert.equal(pipeline.label, "Sales Pipeline");
    assert.equal(pipeline.archived, false);
    assert.ok(!Number.isNaN(Date.parse(pipeline.createdAt)));
    assert.deepEqual(pipeline.stages.map((s: Stage) => s.id), dealStageIds);
    assert.deepEqual(pipeline.stages.map((s: Stage) => s.metadata.probability), ["0.2", "0.4", "0.6", "0.8", "0.9", "1.0", "0.0"]);
    assert.deepEqual(pipeline.stages.filter((s: Stage) => s.metadata.isClosed === "true").map((s: Stage) => s.id), ["closedwon", "closedlost"]);
  }
  assert.deepEqual(optionValues(api, "deals", "pipeline"), ["default"]);
  assert.deepEqual(optionValues(api, "deals", "dealstage"), dealStageIds);
});

test("the default ticket pipeline 0 has stages 1-4 with ticket states", async () => {
  const api = emulatorApi();
  const { body } = await api.call("GET", "/crm/v3/pipelines/0-5/0");
  assert.equal(body.id, "0");
  assert.deepEqual(
    body.stages.map((s: Stage) => [s.id, s.label, s.metadata.ticketState, s.metadata.isClosed]),
    [["1", "New", "OPEN", "false"], ["2", "Waiting on contact", "OPEN", "false"], ["3", "Waiting on us", "OPEN", "false"], ["4", "Closed", "CLOSED", "true"]],
  );
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline"), ["0"]);
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline_stage"), ["1", "2", "3", "4"]);
  const stages = await api.call("GET", "/crm/v3/pipelines/tickets/0/stages");
  assert.equal(stages.body.results.length, 4);
  const one = await api.call("GET", "/crm/v3/pipelines/tickets/0/stages/4");
  assert.equal(one.body.label, "Closed");
});

test("stage create, patch, delete and restore keep dealstage options in sync", async () => {
  const api = emulatorApi();
  const created = await api.call("POST", "/crm/v3/pipelines/deals/default/stages", { label: "Negotiation", displayOrder: 5, metadata: { probability: 0.95 } });
  assert.equal(created.status, 201);
  const stage = created.body as Stage;
  assert.match(stage.id, /^\d+$/);
  assert.deepEqual(stage.metadata, { probability: "0.95", isClosed: "false" });
  assert.ok(optionValues(api, "deals", "dealstage").includes(stage.id));

  const patched = await api.call("PATCH", `/crm/v3/pipelines/deals/default/stages/${stage.id}`, { label: "Negotiating", metadata: { probability: "1.0" } });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.metadata.isClosed, "true", "isClosed follows the new probability");
  const portal = api.emulator.parts.state.defaultPortal;
  const option = portal.properties(portal.resolveType("deals")).get("dealstage")?.options.find((o) => o.value === stage.id);
  assert.equal(option?.label, "Negotiating");

  const replaced = await api.call("PUT", `/crm/v3/pipelines/deals/default/stages/${stage.id}`, { label: "Negotiation", displayOrder: 4, metadata: { probability: "0.7" } });
  assert.equal(replaced.body.metadata.isClosed, "false");

  assert.equal((await api.call("DELETE", `/crm/v3/pipelines/deals/default/stages/${stage.id}`)).status, 204);
  assert.ok(!optionValues(api, "deals", "dealstage").includes(stage.id));
  assert.equal((await api.call("GET", `/crm/v3/pipelines/deals/default/stages/${stage.id}`)).status, 404);

  const restored = await api.call("PATCH", `/crm/v3/pipelines/deals/default/stages/${stage.id}`, { archived: false });
  assert.equal(restored.body.archived, false);
  assert.ok(optionValues(api, "deals", "dealstage").includes(stage.id));
});

test("pipeline create, rename, replace and delete keep pipeline options in sync", async () => {
  const api = emulatorApi();
  const created = await api.call("POST", "/crm/v3/pipelines/tickets", {
    label: "Escalations",
    displayOrder: 1,
    stages: [
      { label: "Open", displayOrder: 0, metadata: { ticketState: "OPEN" } },
      { label: "Done", displayOrder: 1, metadata: { ticketState: "CLOSED" } },
    ],
  });
  assert.equal(created.status, 201);
  const { id, stages } = created.body as { id: string; stages: Stage[] };
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline"), ["0", id]);
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline_stage"), ["1", "2", "3", "4", ...stages.map((s) => s.id)]);

  const duplicate = await api.call("POST", "/crm/v3/pipelines/tickets", { label: "escalations", displayOrder: 2, stages: [{ label: "x", displayOrder: 0, metadata: { ticketState: "OPEN" } }] });
  assert.equal(duplicate.status, 409);

  const renamed = await api.call("PATCH", `/crm/v3/pipelines/tickets/${id}`, { label: "Escalated" });
  assert.equal(renamed.body.label, "Escalated");

  const replaced = await api.call("PUT", `/crm/v3/pipelines/tickets/${id}`, {
    label: "Escalated",
    displayOrder: 1,
    stages: [
      { label: "Done", displayOrder: 0, metadata: { ticketState: "CLOSED" } },
      { label: "Triage", displayOrder: 1, metadata: { ticketState: "OPEN" } },
    ],
  });
  const [done, triage] = replaced.body.stages as Stage[];
  assert.equal(done?.id, stages[1]?.id, "a stage matched by label keeps its id");
  assert.notEqual(triage?.id, stages[0]?.id);
  assert.ok(!optionValues(api, "tickets", "hs_pipeline_stage").includes(stages[0]!.id), "the unmatched stage is archived");

  assert.equal((await api.call("DELETE", `/crm/v3/pipelines/tickets/${id}`)).status, 204);
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline"), ["0"]);
  assert.deepEqual(optionValues(api, "tickets", "hs_pipeline_stage"), ["1", "2", "3", "4"]);
  assert.equal((await api.call("GET", `/crm/v3/pipelines/tickets/${id}`)).status, 404);
  assert.equal((await api.call("DELETE", "/crm/v3/pipelines/tickets/0")).status, 400, "the last pipeline stays");
});

test("stage metadata and required fields are validated as HubSpot does", async () => {
  const api = emulatorApi();
  const noProbability = await api.call("POST", "/crm/v3/pipelines/deals/default/stages", { label: "X", displayOrder: 9 });
  assert.equal(noProbability.status, 400);
  assert.match(noProbability.body.message, /probability/);
  const noTicketState = await api.call("POST", "/crm/v3/pipelines/tickets/0/stages", { label: "X", displayOrder: 9, metadata: {} });
  assert.equal(noTicketState.status, 400);
  const noDisplayOrder = await api.call("POST", "/crm/v3/pipelines/deals", { label: "P", stages: [] });
  assert.equal(noDisplayOrder.status, 400);
  assert.match(noDisplayOrder.body.message, /displayOrder/);
  const sameLabel = await api.call("POST", "/crm/v3/pipelines/deals/default/stages", { label: "closed won", displayOrder: 9, metadata: { probability: "1.0" } });
  assert.equal(sameLabel.status, 409);
});

test("deleting a stage in use fails only when asked to validate references", async () => {
  const api = emulatorApi();
  const portal = api.emulator.parts.state.defaultPortal;
  const stage = (await api.call("POST", "/crm/v3/pipelines/deals/default/stages", { label: "Pilot", displayOrder: 3, metadata: { probability: "0.5" } })).body as Stage;
  portal.store(portal.resolveType("deals")).create({ dealname: "d", pipeline: "default", dealstage: stage.id }, { sourceType: "API" }, Date.now());
  const refused = await api.call("DELETE", `/crm/v3/pipelines/deals/default/stages/${stage.id}?validateReferencesBeforeDelete=true`);
  assert.equal(refused.status, 409);
  assert.equal((await api.call("DELETE", `/crm/v3/pipelines/deals/default/stages/${stage.id}`)).status, 204);
});

test("unknown pipelines and types without pipelines", async () => {
  const api = emulatorApi();
  assert.equal((await api.call("GET", "/crm/v3/pipelines/deals/nope")).status, 404);
  assert.equal((await api.call("GET", "/crm/v3/pipelines/deals/default/stages/nope")).status, 404);
  assert.equal((await api.call("GET", "/crm/v3/pipelines/contacts")).status, 400);
  assert.equal((await api.call("GET", "/crm/v3/pipelines/widgets")).status, 400);
});

test("pipelines need the object type's read or write scope", async () => {
  const api = emulatorApi();
  const { state } = api.emulator.parts;
  const token = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.deals.read"]).token;
  assert.equal((await api.call("GET", "/crm/v3/pipelines/deals", undefined, { token })).status, 200);
  const tickets = await api.call("GET", "/crm/v3/pipelines/tickets", undefined, { token });
  assert.equal(tickets.status, 403);
  assert.deepEqual(tickets.body.errors[0].context.requiredGranularScopes, ["crm.objects.tickets.read"]);
  const write = await api.call("POST", "/crm/v3/pipelines/deals/default/stages", { label: "Y", displayOrder: 1, metadata: { probability: "0.1" } }, { token });
  assert.equal(write.status, 403);
  assert.deepEqual(write.body.errors[0].context.requiredGranularScopes, ["crm.objects.deals.write"]);
});
