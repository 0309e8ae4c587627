import { z } from "zod";
import { configFileSchema } from "./config-file-schema.ts";

/**
 * The JSON Schema of hubsync.yaml, for editors (yaml-language-server) and other tools.
 * It describes the file as written: defaults are shown, values that are checked beyond their
 * type (store URLs, cron expressions, which filter keys an operator needs) are plain strings.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configFileSchema, { io: "input", target: "draft-2020-12" });
  return { ...generated, title: "hubsync.yaml" };
}

/** The committed file's exact text (docs/hubsync.schema.json). */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
