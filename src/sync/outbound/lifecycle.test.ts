import assert from "node:assert/strict";
import { syncId } from "../../core/ids.ts";
import { acquireSyncLock } from "../inbound/sync-lock.ts";
import { resolveEngineOptions } from "../inbound/inbound-engine-options.ts";
import { applyOutboundSchema } from "./apply-outbound-schema.ts";
import type { OutboundProgress, OutboundRecordId } from "./outbound-contract.ts";
import { outboundRecordIds } from "./outbound-record-ids.ts";
import { outboundStatus } from "./outbound-status.ts";
import { refreshProperties } from "./refresh-properties.ts";
import { forEachDriver, SYNC, type OutboundKit } from "./test-support/outbound-kit.ts";

const people = (extra = "") => `source: { csv: "\${dir}/people.csv" }
key: id
object: contacts
mode: upsert
match: { property: email, column: email }
fields: { email: email, firstname: name, loyalty_tier: tier }
createMissingProperties: true${extra}`;

const csv = (count: number, from = 1): string => `id,email,name,tier\n${Array.from({ length: count }, (_, i) => `${i + from},p${i + from}@example.com,P${i + from},gold`).join("\n")}\n`;

async function allIds(kit: OutboundKit): Promise<OutboundRecordId[]> {
  const ids: OutboundRecordId[] = [];
  for await (const page of outboundRecordIds(kit.deps, SYNC)) ids.push(...page);
  return ids;
}

forEachDriver("one run row per run with counts and calls, progress events per phase, write-back of ids, status", async (kit) => {
  const k = await kit({ sync: people("\nlist: true") });
  k.writeFile("people.csv", csv(3));
  const events: OutboundProgress[] = [];
  const summary = await k.run({}, events);
  assert.deepEqual(
    events.filter((e) => e.kind === "phase-started").map((e) => (e.kind === "phase-started" ? e.phase : "")),
    ["schema", "records", "list"],
  );
  assert.equal(events[0]?.kind, "run-started");
  assert.equal(events.at(-1)?.kind, "run-finished");
  assert.ok(events.some((e) => e.kind === "rows-read" && e.rows === 3 && e.changed === 3));
  assert.ok(events.some((e) => e.kind === "batch" && e.phase === "records" && e.sent === 3 && e.succeeded === 3));
  const run = await k.store.getRun(summary.runId);
  assert.equal(run?.status, "succeeded");
  assert.equal(run?.counts["created"], 3);
  assert.equal(run?.apiCalls, summary.apiCalls);
  assert.ok(summary.apiCalls > summary.writeCalls && summary.writeCalls > 0);
  // The mapped property HubSpot lacked was created, as text.
  assert.equal(k.portal.properties(k.portal.resolveType("contacts")).get("loyalty_tier")?.type, "string");

  const ids = await allIds(k);
  assert.deepEqual(ids.map((id) => id.key), ["1", "2", "3"]);
  const contacts = k.records("contacts");
  for (const id of ids) assert.equal(contacts.get(id.hubspotId)?.["email"], `p${id.key}@example.com`);
  const status = await outboundStatus(k.deps, k.config, SYNC);
  assert.ok(status.ok);
  assert.deepEqual({ ...status.value, lastRun: undefined }, { sync: SYNC, rows: 3, synced: 3, failing: 0, orphans: 0, lastRun: undefined });
  assert.equal(status.value.lastRun?.runId, summary.runId);
});

forEachDriver("two runs of one sync never overlap: the second is refused while the first holds the lease", async (kit) => {
  const k = await kit({ sync: people() });
  k.writeFile("people.csv", csv(2));
  const held = await acquireSyncLock(k.store, syncId(SYNC), k.clock, resolveEngineOptions());
  assert.ok(held.ok);
  const refused = await k.attempt();
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, "SYNC_ALREADY_RUNNING");
  assert.equal(k.records("contacts").size, 0);
  await held.value.release();
  await k.run();
  assert.equal(k.records("contacts").size, 2);
});

forEachDriver("HubSpot lost after applying 10% of writes: running twice leaves no duplicate", async (kit) => {
  const k = await kit({ sync: people(), limits: { batchSize: 10, retry: { baseDelayMs: 1, maxDelayMs: 5 } } });
  k.writeFile("people.csv", csv(60));
  k.emulator.control.faults.add({ kind: "lost-response", match: { method: "POST", pathRegex: "/batch/(upsert|create|update)$" }, probability: 0.1 });
  k.emulator.control.faults.add({ kind: "503", match: { method: "POST", pathRegex: "/batch/upsert$" }, schedule: { every: 4, count: 2 } });
  const first = await k.attempt();
  assert.ok(first.ok);
  const second = await k.attempt();
  assert.ok(second.ok);
  assert.ok(k.emulator.control.faults.counts()["lost-response"] > 0, "some answers were lost");
  k.emulator.control.faults.clear();
  await k.run();
  const emails = [...k.records("contacts").values()].map((c) => c["email"]);
  assert.equal(emails.length, 60);
  assert.equal(new Set(emails).size, 60);
});

forEachDriver("a run stopped by HubSpot going away keeps what it wrote; the next run sends only what was missed", async (kit) => {
  const k = await kit({ sync: people(), limits: { batchSize: 10, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } });
  k.writeFile("people.csv", csv(30));
  // After two write calls, HubSpot is unreachable (a disconnected portal).
  k.emulator.control.faults.add({ kind: "503", match: { pathRegex: "/crm/v3/objects/contacts/batch/upsert$" }, schedule: { after: 2 } });
  const cut = await k.attempt();
  assert.ok(cut.ok);
  assert.equal(k.records("contacts").size, 20);
  assert.deepEqual([cut.value.created, cut.value.failed], [20, 10]);
  k.emulator.control.faults.clear();
  const resumed = await k.run();
  assert.deepEqual([resumed.created, resumed.unchanged], [10, 20]);
  assert.equal(k.records("contacts").size, 30);
});

forEachDriver("a stopped run is cancelled between pages and keeps the pages it committed", async (kit) => {
  const k = await kit({ sync: people() });
  k.writeFile("people.csv", csv(600));
  const controller = new AbortController();
  const stopped = await k.attempt({ signal: controller.signal, onProgress: (event) => event.kind === "batch" && controller.abort() });
  assert.ok(stopped.ok);
  assert.equal(stopped.value.status, "cancelled");
  assert.equal(stopped.value.error?.code, "SYNC_ABORTED");
  assert.equal((await k.store.getRun(stopped.value.runId))?.status, "cancelled");
  assert.equal(k.records("contacts").size, 500, "the first page (500 rows) was written and committed");
  const rest = await k.run();
  assert.deepEqual([rest.created, rest.unchanged], [100, 500]);
});

forEachDriver("applyOutboundSchema creates a declared custom object once; refreshProperties lists what can be mapped", async (kit) => {
  const k = await kit({
    sync: `source: { jsonl: "\${dir}/rows.jsonl" }
key: id
object: gift
mode: upsert
match: { property: txid, column: id }
fields: { txid: id, title: title }
customObject:
  name: gift
  labels: { singular: Gift, plural: Gifts }
  primaryDisplayProperty: title
  uniqueProperty: txid
  associatedObjects: [contacts]
  properties:
    - { name: txid }
    - { name: title }`,
  });
  const first = await applyOutboundSchema(k.deps, k.config, SYNC);
  assert.ok(first.ok);
  assert.equal(first.value.schemaCreated, true);
  const second = await applyOutboundSchema(k.deps, k.config, SYNC);
  assert.ok(second.ok);
  assert.equal(second.value.schemaCreated, false);
  const report = await refreshProperties(k.deps, k.config, SYNC);
  assert.ok(report.ok);
  assert.ok(report.value.properties.some((p) => p.name === "txid" && p.hasUniqueValue));
  assert.deepEqual(report.value.match, { property: "txid", unique: true });
  assert.deepEqual(report.value.issues, []);
});
