import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { parseConfig } from "./parse-config.ts";
import { starterConfig } from "./starter-config.ts";
import { standardObjectTypes } from "./standard-objects.ts";

describe("starterConfig", () => {
  it("parses and validates once HUBSPOT_TOKEN is set", () => {
    const result = parseConfig(starterConfig(), { HUBSPOT_TOKEN: "pat-test" });
    if (!result.ok) assert.fail(result.error.message);
    const config = result.value;
    assert.deepEqual(config.store, { kind: "sqlite", path: "./hubsync.db" });
    assert.deepEqual(config.connections[0]?.auth, { type: "private_app", token: "pat-test" });
    const sync = config.inbound[0];
    assert.equal(sync?.connection, "hubspot");
    assert.deepEqual(sync?.schedule, { kind: "cron", cron: "0 * * * *", text: "hourly" });
    const names = sync?.streams.map((stream) => stream.name) ?? [];
    // The mirror of use case 1: the CRM objects, owners, pipelines, lists and custom objects.
    assert.deepEqual(names, [...standardObjectTypes, "owners", "pipelines", "lists", "custom_objects"]);
  });

  it("says which variable to set when HUBSPOT_TOKEN is missing", () => {
    const result = parseConfig(starterConfig(), {}, { source: "hubsync.yaml" });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /connections\.hubspot\.auth\.token: environment variable HUBSPOT_TOKEN is not set/);
  });

  it("writes the store it is given, quoted so any URL survives YAML", () => {
    for (const store of ["postgres://sync@127.0.0.1:5432/crm", "sqlite::memory:", "data/mirror.db"]) {
      const result = parseConfig(starterConfig({ store }), { HUBSPOT_TOKEN: "x" });
      if (!result.ok) assert.fail(result.error.message);
      assert.equal(result.value.store.kind, store.startsWith("postgres") ? "postgres" : "sqlite");
    }
  });

  it("explains itself in comments, and its commented-out OAuth block is valid when uncommented", () => {
    const text = starterConfig();
    assert.ok(text.split("\n").filter((line) => line.trimStart().startsWith("#")).length >= 15);
    const oauth = text
      .replace(/ {4}auth:\n {6}type: private_app\n {6}token: \$\{HUBSPOT_TOKEN\}\n/, "")
      .replace(/^( *)# (auth:|  type: oauth|  client|  refresh)/gm, "$1$2");
    assert.equal(parseDocument(oauth).errors.length, 0);
    const result = parseConfig(oauth, { HUBSPOT_CLIENT_ID: "id", HUBSPOT_CLIENT_SECRET: "s", HUBSPOT_REFRESH_TOKEN: "r" });
    if (!result.ok) assert.fail(result.error.message);
    assert.equal(result.value.connections[0]?.auth.type, "oauth");
  });

  it("has no outbound sync, and its commented-out outbound example is valid when uncommented", () => {
    const plain = parseConfig(starterConfig(), { HUBSPOT_TOKEN: "x" });
    if (!plain.ok) assert.fail(plain.error.message);
    assert.deepEqual(plain.value.outbound, []);
    const text = starterConfig();
    const start = text.indexOf("# outbound:");
    assert.ok(start > 0);
    const uncommented = text.slice(0, start) + text.slice(start).replace(/^# ?/gm, "");
    const result = parseConfig(uncommented, { HUBSPOT_TOKEN: "x" });
    if (!result.ok) assert.fail(result.error.message);
    const sync = result.value.outbound[0];
    assert.equal(sync?.name, "customers");
    assert.deepEqual(sync?.source, { kind: "table", table: "customers" });
    assert.deepEqual(sync?.match, { property: "email", column: "email" });
    assert.deepEqual(Object.keys(sync?.fields ?? {}), ["email", "firstname", "lastname"]);
  });
});
