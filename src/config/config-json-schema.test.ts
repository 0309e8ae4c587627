import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { configJsonSchema, configJsonSchemaText } from "./config-json-schema.ts";
import { outboundModes } from "./outbound-targets.ts";
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

  it("describes outbound syncs: every key, the modes, the source kinds and the custom object schema", () => {
    type Node = { properties: Record<string, { enum?: string[] }>; required?: string[]; additionalProperties?: unknown };
    const schema = JSON.parse(JSON.stringify(configJsonSchema())) as {
      properties: { outbound: { additionalProperties: Node } };
      $defs: Record<string, Node>;
    };
    const sync = schema.properties.outbound.additionalProperties;
    assert.equal(sync.additionalProperties, false);
    assert.deepEqual(Object.keys(sync.properties), [
      "connection", "schedule", "source", "key", "object", "mode", "match", "fields", "numberFormat",
      "createMissingProperties", "associations", "list", "customObject", "dryRun",
    ]);
    assert.deepEqual(sync.required, ["connection", "source", "key", "object", "mode"]);
    assert.deepEqual(sync.properties["mode"]?.enum, [...outboundModes]);
    assert.deepEqual(Object.keys(schema.$defs["OutboundSource"]?.properties ?? {}), ["table", "query", "csv", "jsonl", "delimiter"]);
    assert.deepEqual(Object.keys(schema.$defs["OutboundAssociation"]?.properties ?? {}), [
      "to", "column", "by", "label", "shape", "resolve", "through", "only", "removeMissing", "removeDefaultWhenLastLabelRemoved",
    ]);
    assert.deepEqual(schema.$defs["CustomObjectSchema"]?.required, ["name", "labels", "primaryDisplayProperty", "properties", "uniqueProperty"]);
  });
});
