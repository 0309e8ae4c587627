import assert from "node:assert/strict";
import { test } from "node:test";
import { HubsyncError } from "../core/hubsync-error.ts";
import { drain, emulatorClient } from "./test-support/emulator-client.ts";
import { createRecords } from "./test-support/seed-records.ts";

test("lists: created once (a second create finds it by name), members added and removed in batches, an outcome per id", async () => {
  const kit = emulatorClient({}, { limits: { listMembershipWriteSize: 4 } });
  const contacts = await createRecords(kit, "contacts", 10, (i) => ({ email: `l${i}@example.com` }));
  assert.equal(await kit.client.findListByName("0-1", "Customers"), undefined);

  const created = await kit.client.createList({ name: "Customers", objectTypeId: "0-1", processingType: "MANUAL" });
  assert.equal(created.status, "created");
  assert.equal(created.value.processingType, "MANUAL");
  const again = await kit.client.createList({ name: "Customers", objectTypeId: "0-1", processingType: "MANUAL" });
  assert.deepEqual([again.status, again.value.listId], ["existing", created.value.listId]);
  assert.equal((await kit.client.findListByName("0-1", "Customers"))?.listId, created.value.listId);

  const listId = created.value.listId;
  const first = contacts.slice(0, 6);
  const added = await kit.client.addListMembers(listId, [...first, "424242"]);
  assert.deepEqual(added.map((o) => o.status), ["added", "added", "added", "added", "added", "added", "failed"]);
  assert.equal(added[6]?.error?.category, "OBJECT_NOT_FOUND");
  const more = await kit.client.addListMembers(listId, contacts.slice(4));
  assert.deepEqual(more.map((o) => o.status), ["unchanged", "unchanged", "added", "added", "added", "added"]);
  assert.equal(kit.client.stats().calls["list-write"], 2 + 2 + 2, "two creates (HubSpot refused the second), then four ids a call");

  const removed = await kit.client.removeListMembers(listId, [contacts[0] ?? "", contacts[1] ?? "", "424242"]);
  assert.deepEqual(removed.map((o) => o.status), ["removed", "removed", "failed"]);
  const members = (await drain(kit.client.listMemberships(listId))).items.map((m) => m.recordId).sort();
  assert.deepEqual(members, contacts.slice(2).sort());

  await assert.rejects(kit.client.addListMembers("777777", contacts), (error: unknown) => error instanceof HubsyncError && error.code === "HUBSPOT_NOT_FOUND");
});

test("a list create whose answer was lost is found by name, not created twice", async () => {
  const kit = emulatorClient();
  kit.emulator.control.faults.add({ kind: "lost-response", match: { method: "POST", path: "/crm/v3/lists/" }, schedule: { count: 1 } });
  const created = await kit.client.createList({ name: "Lost once", objectTypeId: "contacts", processingType: "MANUAL" });
  assert.equal(created.status, "created");
  assert.equal(created.value.name, "Lost once");
  assert.equal((await drain(kit.client.lists())).items.length, 1);
  assert.equal(kit.client.stats().writesVerified, 1);
});
