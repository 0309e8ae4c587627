import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/objects/index.js";
import { searchKit } from "../search/search-test-kit.ts";
import { startEmulatorServer } from "../server.ts";

test("search needs one of the type's read scopes (403 MISSING_SCOPES naming it)", async () => {
  const kit = searchKit();
  const state = kit.emulator.parts.state;
  const companiesOnly = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.companies.read"]).token;
  const refused = await kit.call("POST", "/crm/v3/objects/contacts/search", {}, { token: companiesOnly });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.category, "MISSING_SCOPES");
  assert.match(JSON.stringify(refused.body), /crm\.objects\.contacts\.read/);
  const allowed = await kit.call("POST", "/crm/v3/objects/companies/search", {}, { token: companiesOnly });
  assert.equal(allowed.status, 200);
});

test("the object type may be named by id; an unknown one is a 400; a body that is not JSON is a 400", async () => {
  const kit = searchKit();
  const id = kit.create("contacts", { firstname: "Ann" }).id;
  assert.deepEqual((await kit.call("POST", "/crm/v3/objects/0-1/search", {})).body.results.map((r: { id: string }) => r.id), [id]);
  const unknown = await kit.call("POST", "/crm/v3/objects/spaceships/search", {});
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.category, "VALIDATION_ERROR");
  const response = await kit.emulator.fetch(`${kit.emulator.info().baseUrl}/crm/v3/objects/contacts/search`, {
    method: "POST",
    headers: { authorization: `Bearer ${kit.emulator.info().token}`, "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(response.status, 400);
  assert.equal(response.headers.get("content-type")?.startsWith("application/json"), true);
});

test("search answers carry no rate-limit headers, as HubSpot's do not", async () => {
  const kit = searchKit();
  const answer = await kit.call("POST", "/crm/v3/objects/contacts/search", {});
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get("x-hubspot-ratelimit-max"), null);
});

test("the official SDK searches the emulator and parses its answers", async () => {
  const kit = searchKit();
  const made = ["Lee", "Adams", "Ray"].map((lastname, i) => kit.create("contacts", { lastname, firstname: "Ann", email: `ann${i}@example.com` }).id);
  kit.create("contacts", { lastname: "Other", firstname: "Bob" });
  const server = await startEmulatorServer(kit.emulator, 0, "127.0.0.1");
  try {
    const client = new Client({ accessToken: kit.emulator.info().token, basePath: server.url });
    const page = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: "firstname", operator: FilterOperatorEnum.Eq, value: "ann" }] }],
      sorts: ["-lastname"],
      properties: ["lastname"],
      limit: 2,
      after: "0",
    });
    assert.equal(page.total, 3);
    assert.deepEqual(page.results.map((r) => r.id), [made[2], made[0]]);
    assert.equal(page.results[0]?.properties["lastname"], "Ray");
    assert.ok(page.results[0]?.createdAt instanceof Date);
    assert.equal(page.paging?.next?.after, "2");
    const rest = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: "firstname", operator: FilterOperatorEnum.Eq, value: "ann" }] }],
      sorts: ["-lastname"],
      limit: 2,
      after: page.paging?.next?.after ?? "",
    });
    assert.deepEqual(rest.results.map((r) => r.id), [made[1]]);
    assert.equal(rest.paging, undefined);
  } finally {
    await server.close();
  }
});
