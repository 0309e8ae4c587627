import assert from "node:assert/strict";
import { hubSpotId, portalId, runId, syncId } from "../../core/ids.ts";
import { bothStores } from "../test-support/both-stores.ts";
import type { OutboundRowInput } from "./outbound-row.ts";
import type { OutboundRow } from "./outbound-row.ts";

const sync = syncId("push");
const portal = portalId("101");
const run1 = runId("run-1");
const run2 = runId("run-2");

const row = (key: string, patch: Partial<OutboundRowInput> = {}): OutboundRowInput => ({
  rowKey: key,
  hubspotId: hubSpotId(`9${key}`),
  status: "synced",
  error: null,
  hash: `h-${key}`,
  propertiesHash: `p-${key}`,
  pendingHash: null,
  targets: { "companies.domain": [{ key: "acme.com", label: null }] },
  createdBySync: true,
  listMember: false,
  firstSyncedAt: "2024-03-01T12:00:00.000Z",
  lastSyncedAt: "2024-03-01T12:00:00.000Z",
  lastSeenRun: run1,
  archivedAt: null,
  ...patch,
});

async function collect(pages: AsyncIterable<OutboundRow[]>): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of pages) keys.push(...page.map((r) => r.rowKey));
  return keys;
}

bothStores("outbound rows: put, read back, replace, mark seen, scan with filters in key order", async ({ store }) => {
  await store.transaction((tx) => store.putOutboundRows(tx, sync, portal, [row("a"), row("b", { createdBySync: false }), row("c", { status: "failed", hubspotId: null, error: "bad email" })]));
  const read = await store.outboundRows(sync, portal, ["a", "c", "zzz"]);
  assert.deepEqual([...read.keys()].sort(), ["a", "c"]);
  const a = read.get("a");
  assert.equal(a?.hubspotId, "9a");
  assert.deepEqual(a?.targets, { "companies.domain": [{ key: "acme.com", label: null }] });
  assert.equal(a?.createdBySync, true);
  assert.equal(a?.firstSyncedAt, "2024-03-01T12:00:00.000Z");
  assert.equal(read.get("c")?.error, "bad email");
  assert.equal(read.get("c")?.hubspotId, null);

  // A put replaces the whole row.
  await store.transaction((tx) => store.putOutboundRows(tx, sync, portal, [row("a", { hash: "h2", pendingHash: "h3", targets: null })]));
  const a2 = (await store.outboundRows(sync, portal, ["a"])).get("a");
  assert.equal(a2?.hash, "h2");
  assert.equal(a2?.pendingHash, "h3");
  assert.equal(a2?.targets, null);

  await store.transaction((tx) => store.markOutboundSeen(tx, sync, portal, ["a", "c", "never-stored"], run2));
  assert.equal((await store.outboundRows(sync, portal, ["never-stored"])).size, 0);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, seenIn: { run: run2, seen: true } })), ["a", "c"]);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, seenIn: { run: run2, seen: false } })), ["b"]);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, pendingIn: run2 })), ["a"]);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, withRecord: true, createdBySync: true })), ["a"]);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, statuses: ["failed"] })), ["c"]);
  assert.deepEqual(await collect(store.scanOutboundRows(syncId("other"), { portal })), []);

  await store.transaction((tx) => store.setOutboundListMembers(tx, sync, portal, ["a"], true));
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, listMember: true })), ["a"]);
  await store.transaction((tx) => store.setOutboundListMembers(tx, sync, portal, "all", true));
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, listMember: false })), []);
});

bothStores("outbound rows: scans page by keyset across portals, and chunk writes past the parameter limit", async ({ open }) => {
  const store = await open({ maxParameters: 40 });
  const keys = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(2, "0")}`);
  await store.transaction(async (tx) => {
    await store.putOutboundRows(tx, sync, portal, keys.map((k) => row(k)));
    await store.putOutboundRows(tx, sync, portalId("202"), [row("k00")]);
  });
  const pages: number[] = [];
  const seen: string[] = [];
  for await (const page of store.scanOutboundRows(sync, { pageSize: 5 })) {
    pages.push(page.length);
    seen.push(...page.map((r) => `${r.portal}/${r.rowKey}`));
  }
  assert.deepEqual(pages, [5, 5, 5, 5, 4]);
  assert.equal(seen.length, 24);
  assert.equal(new Set(seen).size, 24);
  assert.equal((await store.outboundRows(sync, portal, keys)).size, 23);
  const counts = await store.countOutboundRows(sync, portal);
  assert.deepEqual(counts, { rows: 23, synced: 23, failing: 0, orphans: 0, archived: 0 });
  assert.equal((await store.countOutboundRows(sync)).rows, 24);
});

bothStores("outbound associations and orphans: replaced per row, orphans keep their first sighting", async ({ store, clock }) => {
  await store.transaction((tx) => store.putOutboundRows(tx, sync, portal, [row("a"), row("b")]));
  const assoc = (rowKey: string, toId: string, label: string | null) => ({ rowKey, association: "companies.domain", fromId: hubSpotId(`9${rowKey}`), toType: "companies", toId: hubSpotId(toId), label });
  await store.transaction((tx) => store.replaceOutboundAssociations(tx, sync, portal, ["a", "b"], [assoc("a", "1", null), assoc("a", "1", "Employer"), assoc("b", "2", null)]));
  let written = await store.outboundAssociations(sync, portal, ["a", "b"]);
  assert.deepEqual(written.map((w) => `${w.rowKey}:${w.toId}:${w.label ?? "-"}`), ["a:1:-", "a:1:Employer", "b:2:-"]);
  await store.transaction((tx) => store.replaceOutboundAssociations(tx, sync, portal, ["a"], [assoc("a", "3", null)]));
  written = await store.outboundAssociations(sync, portal, ["a", "b"]);
  assert.deepEqual(written.map((w) => `${w.rowKey}:${w.toId}:${w.label ?? "-"}`), ["a:3:-", "b:2:-"]);
  await assert.rejects(store.transaction((tx) => store.replaceOutboundAssociations(tx, sync, portal, ["a"], [assoc("b", "3", null)])));

  const orphan = (rowKey: string, targetKey: string, since: string) => ({ rowKey, association: "contacts.email", targetKey, toType: "contacts", since, runId: run1 });
  await store.transaction((tx) => store.replaceOutboundOrphans(tx, sync, portal, ["a", "b"], [orphan("a", "x@example.com", "2024-03-01T12:00:00.000Z"), orphan("b", "y@example.com", "2024-03-01T12:00:00.000Z")]));
  clock.advance(3_600_000);
  await store.transaction((tx) => store.replaceOutboundOrphans(tx, sync, portal, ["a"], [orphan("a", "x@example.com", "2024-03-01T13:00:00.000Z")]));
  const orphans = await store.outboundOrphans(sync, portal);
  assert.deepEqual(orphans.map((o) => `${o.rowKey}:${o.targetKey}:${o.since}`), ["a:x@example.com:2024-03-01T12:00:00.000Z", "b:y@example.com:2024-03-01T12:00:00.000Z"]);
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, orphaned: true })), ["a", "b"]);
  await store.transaction((tx) => store.replaceOutboundOrphans(tx, sync, portal, ["b"], []));
  assert.deepEqual(await collect(store.scanOutboundRows(sync, { portal, orphaned: false })), ["b"]);
  assert.equal((await store.countOutboundRows(sync, portal)).orphans, 1);
});

bothStores("outbound lists: put, replace, forget", async ({ store }) => {
  assert.equal(await store.outboundList(sync, portal), undefined);
  await store.transaction((tx) => store.putOutboundList(tx, sync, portal, { listId: "7", name: "Paying", objectTypeId: "0-1" }));
  await store.transaction((tx) => store.putOutboundList(tx, sync, portal, { listId: "8", name: "Paying", objectTypeId: "0-1" }));
  assert.deepEqual(await store.outboundList(sync, portal), { listId: "8", name: "Paying", objectTypeId: "0-1" });
  await store.transaction((tx) => store.putOutboundList(tx, sync, portal, undefined));
  assert.equal(await store.outboundList(sync, portal), undefined);
});
