import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { configJsonSchema, configJsonSchemaText } from "./config-json-schema.ts";
import { standardObjectTypes } from "./standard-objects.ts";

const committed = new URL("../../docs/hubsync.schema.json", import.meta.url);

describe("docs/hubsync.schema.json", () => {
  it("is what the zod schemas generate (run: node scripts/generate-config-schema.ts)", async () => {
    const text = await readFile(committed, "utf8");
    assert.equal(text, configJsonSchemaText(), "docs/hubsync.schema.json is stale: run node scripts/generate-config-schema.ts");
  });

  it("describes the file as written: every stream name, defaults, no unknown keys", () => {
    const schema = JSON.parse(JSON.stringify(configJsonSchema())) as {
      additionalProperties: boolean;
      properties: { store: { default: string }; inbound: { additionalProperties: { properties: { streams: { properties: Record<string, unknown> } } } } };
    };
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.store.default, "sqlite:./hubsync.db");
    const streams = Object.keys(schema.properties.inbound.additionalProperties.properties.streams.properties);
    assert.deepEqual(streams, [...standardObjectTypes, "owners", "pipelines", "lists", "custom_objects"]);
  });
});
