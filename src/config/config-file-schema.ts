import { z } from "zod";
import { connectionSchema } from "./connection-schema.ts";
import { inboundSyncSchema, nameSchema } from "./inbound-sync-schema.ts";
import { outboundSyncSchema } from "./outbound-sync-schema.ts";
import { defaultStoreUrl, parseStoreUrl } from "./parse-store-url.ts";

const storeSchema = z
  .string()
  .transform((text, ctx) => {
    const parsed = parseStoreUrl(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: `${parsed.error}; got {got}`, input: text });
    return z.NEVER;
  })
  .prefault(defaultStoreUrl)
  .describe("Where the mirror is written: sqlite:<file>, sqlite::memory:, a path ending in .db, or a postgres:// URL.");

/**
 * hubsync.yaml as written (after `${ENV}` interpolation). Each later feature adds one
 * top-level key (`events:`) beside `inbound:` and `outbound:`.
 */
export const configFileSchema = z
  .strictObject({
    version: z.literal(1).describe("The config format version; always 1 for now."),
    store: storeSchema,
    connections: z.record(nameSchema, connectionSchema).default({}).describe("HubSpot portals by name."),
    inbound: z.record(nameSchema, inboundSyncSchema).default({}).describe("HubSpot → database syncs by name."),
    outbound: z.record(nameSchema, outboundSyncSchema).default({}).describe("Database (or file) → HubSpot syncs by name."),
  })
  .describe("hubsync configuration (hubsync.yaml).");

export type ConfigFile = z.output<typeof configFileSchema>;
