// Writes docs/hubsync.schema.json from the zod schemas in src/config (the one source of truth).
// Run after changing the config schema: node scripts/generate-config-schema.ts
// src/config/config-json-schema.test.ts fails while the committed file is stale.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { configJsonSchemaText } from "../src/config/config-json-schema.ts";

const target = fileURLToPath(new URL("../docs/hubsync.schema.json", import.meta.url));
await writeFile(target, configJsonSchemaText());
console.log(`wrote ${target}`);
