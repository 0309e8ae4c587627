import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorApi } from "../../../test/support/emulator-api.ts";

function withOwners(count: number) {
  const api = emulatorApi();
  const owners = api.emulator.parts.state.defaultPortal.owners;
  for (let i = 0; i < count; i++) owners.create({ email: `rep${i}@example.com`, firstName: `Rep${i}`, lastName: "Seller" });
  return api;
}

test("every portal starts with one realistic owner", async () => {
  const { call } = emulatorApi();
  const { status, body } = await call("GET", "/crm/v3/owners/");
  assert.equal(status, 200);
  assert.equal(body.results.length, 1);
  const [owner] = body.results;
  assert.match(owner.id, /^\d+$/);
  assert.match(owner.email, /@/);
  assert.ok(owner.firstName && owner.lastName);
  assert.equal(typeof owner.userId, "number");
  assert.equal(owner.userIdIncludingInactive, owner.userId);
  assert.equal(owner.type, "PERSON");
  assert.equal(owner.archived, false);
  assert.deepEqual(owner.teams.map((t: { primary: boolean }) => t.primary), [true]);
  assert.ok(!Number.isNaN(Date.parse(owner.createdAt)));
  assert.equal(body.paging, undefined);
});

for (const path of ["/crm/v3/owners/", "/crm/v3/owners"]) {
  test(`${path} pages 26 owners with small limits and opaque cursors`, async () => {
    const { call } = withOwners(25);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await call("GET", `${path}?limit=7${after === undefined ? "" : `&after=${encodeURIComponent(after)}`}`);
      assert.equal(status, 200);
      assert.ok(body.results.length <= 7);
      seen.push(...body.results.map((o: { id: string }) => o.id));
      after = body.paging?.next?.after;
      if (after !== undefined) assert.doesNotMatch(after, /^\d+$/, "cursor is opaque, not a bare offset");
      pages++;
    } while (after !== undefined);
    assert.equal(pages, 4);
    assert.equal(seen.length, 26);
    assert.equal(new Set(seen).size, 26);
  });
}

test("limit is capped at 500 and an exact last page carries no paging", async () => {
  const { call } = withOwners(4);
  const { body } = await call("GET", "/crm/v3/owners/?limit=5");
  assert.equal(body.results.length, 5);
  assert.equal(body.paging, undefined);
  const big = await call("GET", "/crm/v3/owners/?limit=100000");
  assert.equal(big.body.results.length, 5);
});

test("email filters owners, case-insensitively", async () => {
  const { call } = withOwners(5);
  const { body } = await call("GET", "/crm/v3/owners/?email=REP3@example.com");
  assert.deepEqual(body.results.map((o: { email: string }) => o.email), ["rep3@example.com"]);
});

test("archived=true lists only deactivated owners, which lose userId", async () => {
  const api = withOwners(2);
  const owners = api.emulator.parts.state.defaultPortal.owners;
  const gone = owners.list()[1]!;
  owners.archive(gone.id);
  const live = await api.call("GET", "/crm/v3/owners/");
  assert.ok(!live.body.results.some((o: { id: string }) => o.id === gone.id));
  const archived = await api.call("GET", "/crm/v3/owners/?archived=true");
  assert.deepEqual(archived.body.results.map((o: { id: string }) => o.id), [gone.id]);
  assert.equal(archived.body.results[0].userId, undefined);
  assert.equal(archived.body.results[0].userIdIncludingInactive, gone.userId);
  assert.equal(owners.get(gone.id), undefined, "hubspot_owner_id validation sees only active owners");
});

test("GET one owner by id or by userId", async () => {
  const { call } = emulatorApi();
  const [owner] = (await call("GET", "/crm/v3/owners/")).body.results;
  const byId = await call("GET", `/crm/v3/owners/${owner.id}`);
  assert.equal(byId.status, 200);
  assert.equal(byId.body.email, owner.email);
  const byUser = await call("GET", `/crm/v3/owners/${owner.userId}?idProperty=userId`);
  assert.equal(byUser.body.id, owner.id);
  const wrongSpace = await call("GET", `/crm/v3/owners/${owner.userId}`);
  assert.equal(wrongSpace.status, 404);
  assert.equal(wrongSpace.body.category, "OBJECT_NOT_FOUND");
  const badIdProperty = await call("GET", `/crm/v3/owners/${owner.id}?idProperty=email`);
  assert.equal(badIdProperty.status, 400);
});

test("an unknown cursor is a 400, not a crash", async () => {
  const { call } = emulatorApi();
  const { status, body } = await call("GET", "/crm/v3/owners/?after=bm9wZQ");
  assert.equal(status, 400);
  assert.equal(body.category, "VALIDATION_ERROR");
});

test("owners need crm.objects.owners.read", async () => {
  const api = emulatorApi();
  const { state } = api.emulator.parts;
  const token = state.tokens.issuePrivateAppToken(state.defaultPortal.id, state.app.appId, ["crm.objects.contacts.read"]).token;
  for (const path of ["/crm/v3/owners/", "/crm/v3/owners/72100001"]) {
    const { status, body } = await api.call("GET", path, undefined, { token });
    assert.equal(status, 403);
    assert.equal(body.category, "MISSING_SCOPES");
    assert.deepEqual(body.errors[0].context.requiredGranularScopes, ["crm.objects.owners.read"]);
  }
});
