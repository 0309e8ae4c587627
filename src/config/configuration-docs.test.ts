import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { associationShapes, outboundModes } from "./outbound-targets.ts";
import { parseConfig } from "./parse-config.ts";

const docs = new URL("../../docs/configuration.md", import.meta.url);
const env = {
  HUBSPOT_TOKEN: "pat",
  DATABASE_URL: "postgres://hubsync@127.0.0.1:5432/crm",
  HUBSPOT_CLIENT_ID: "id",
  HUBSPOT_CLIENT_SECRET: "secret",
  ACME_REFRESH_TOKEN: "refresh",
  EMULATOR_TOKEN: "emulator",
};

describe("docs/configuration.md", () => {
  it("every YAML example is valid YAML, and every complete example is a valid config", async () => {
    const text = await readFile(docs, "utf8");
    const blocks = [...text.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map((match) =>
      (match[2] ?? "").replace(new RegExp(`^${match[1] ?? ""}`, "gm"), ""),
    );
    assert.ok(blocks.length >= 8);
    for (const block of blocks) {
      assert.deepEqual(parseDocument(block).errors, [], block);
      if (!block.startsWith("version: 1")) continue;
      const result = parseConfig(block, env);
      if (!result.ok) assert.fail(`${result.error.message}\n${block}`);
    }
  });

  it("documents every top-level, connection, sync and stream option key", async () => {
    const text = await readFile(docs, "utf8");
    const keys = ["version", "store", "connections", "inbound", "baseUrl", "tier", "auth", "token", "clientId", "clientSecret", "refreshToken", "scopes"];
    keys.push("connection", "schedule", "streams", "strategy", "properties", "history", "associations", "archived", "filters", "pageSize");
    keys.push("objects", "memberships", "property", "operator", "value", "values", "custom_objects", "owners", "pipelines", "lists");
    for (const key of keys) assert.match(text, new RegExp(`\\| \`${key}\` \\|`), `a table row for ${key}`);
  });

  it("documents every outbound key, source, mode, shape and transform, with both use-case examples", async () => {
    const text = await readFile(docs, "utf8");
    const keys = ["outbound", "source", "key", "object", "mode", "match", "fields", "numberFormat", "createMissingProperties", "list", "customObject", "dryRun"];
    keys.push("table", "query", "csv", "jsonl", "delimiter", "column", "transforms", "clearOnNull", "decimal", "thousands");
    keys.push("to", "by", "label", "shape", "removeMissing", "removeDefaultWhenLastLabelRemoved", "name");
    keys.push("labels", "primaryDisplayProperty", "uniqueProperty", "associatedObjects", "type", "fieldType", "options");
    keys.push(...outboundModes, ...associationShapes, "trim", "split", "constant", "default", "map_values", "concat", "date_format", "annualize");
    for (const key of keys) assert.match(text, new RegExp(`\\| \`${key}\`( / \`\\w+\`)? \\|`), `a table row for ${key}`);
    assert.match(text, /### Example: reverse ETL \(use case 2\)\n[\s\S]*?```yaml\nversion: 1\n[\s\S]*?mode: upsert/);
    assert.match(text, /### Example: app records as a custom object \(use case 3\)\n[\s\S]*?```yaml\nversion: 1\n[\s\S]*?customObject:/);
  });
});
