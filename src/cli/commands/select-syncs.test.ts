import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../config/index.ts";
import { mirrorConfig } from "../test-support/cli-test-kit.ts";
import { selectOutboundSync, selectSyncs } from "./select-syncs.ts";

const both = parseConfig(
  `${mirrorConfig("contacts:\nowners:")}outbound:
  push:
    connection: hubspot
    source: { table: rows }
    key: id
    object: companies
    mode: create
  gifts:
    connection: hubspot
    source: { table: gifts }
    key: id
    object: notes
    mode: create
`,
  { HUBSPOT_BASE_URL: "http://127.0.0.1:1", HUBSPOT_TOKEN: "t" },
);
assert.ok(both.ok, both.ok ? "" : both.error.message);
const config = both.value;

test("--all runs inbound syncs first, then outbound ones, each in file order; a name picks either kind", () => {
  const all = selectSyncs(config, "hubsync.yaml", { all: true });
  assert.ok(all.ok);
  assert.deepEqual(all.value.map((s) => [s.direction, s.sync.name]), [["inbound", "crm"], ["outbound", "push"], ["outbound", "gifts"]]);
  const one = selectSyncs(config, "hubsync.yaml", { name: "gifts" });
  assert.ok(one.ok);
  assert.deepEqual(one.value.map((s) => [s.direction, s.sync.name]), [["outbound", "gifts"]]);
});

test("--stream runs inbound streams only: outbound syncs are skipped with --all, refused by name", () => {
  const all = selectSyncs(config, "hubsync.yaml", { all: true, streams: ["owners"] });
  assert.ok(all.ok);
  assert.deepEqual(all.value.map((s) => [s.direction, s.sync.name, s.direction === "inbound" ? s.streams : undefined]), [["inbound", "crm", ["owners"]]]);
  const named = selectSyncs(config, "hubsync.yaml", { name: "push", streams: ["owners"] });
  assert.ok(!named.ok);
  assert.match(named.error.message, /--stream picks streams of inbound syncs; "push" is an outbound sync/);
});

test("an outbound-only command refuses an inbound sync and an unknown one, listing the outbound syncs", () => {
  assert.equal(selectOutboundSync(config, "hubsync.yaml", "push").ok, true);
  const inbound = selectOutboundSync(config, "hubsync.yaml", "crm");
  assert.ok(!inbound.ok);
  assert.equal(inbound.error.code, "SYNC_NOT_FOUND");
  assert.match(inbound.error.message, /"crm" is an inbound sync; this command works on outbound syncs/);
  assert.equal(inbound.error.details.fix, "Outbound syncs: push, gifts.");
  const unknown = selectOutboundSync(config, "hubsync.yaml", "pusj");
  assert.ok(!unknown.ok);
  assert.match(unknown.error.message, /hubsync\.yaml has no outbound sync named "pusj"/);
});
