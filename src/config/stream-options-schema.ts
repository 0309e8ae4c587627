import { z } from "zod";
import { filterSchema } from "./filter-schema.ts";
import { objectNameSchema, propertyNameSchema } from "./property-name-schema.ts";

export const syncStrategies = ["full_refresh", "incremental", "client_incremental"] as const;

const strategySchema = z
  .enum(syncStrategies)
  .default("incremental")
  .describe(
    "full_refresh reads every record each run; incremental asks HubSpot's search for records modified since the last run; client_incremental reads every record but writes only those modified since the last run.",
  );
const archivedSchema = z.boolean().default(true).describe("Sweep archived (deleted) records and mark them deleted in the store.");
const associationsSchema = z
  .array(objectNameSchema)
  .default([])
  .describe("Object types whose associations to these records are read (with labels and type ids).");
const pageSizeSchema = z.number().int().min(1).max(100).default(100).describe("Records per HubSpot list page (HubSpot allows at most 100).");

/** Options of a standard object or named custom object stream. */
export const objectStreamOptionsSchema = z
  .strictObject({
    strategy: strategySchema,
    properties: z
      .union([z.literal("all"), z.array(propertyNameSchema).min(1)], {
        error: 'expected "all" or a list of property names; got {got}',
      })
      .default("all")
      .describe("Which properties to read: all (the default) or a list; the always-synced properties are added to a list."),
    history: z.array(propertyNameSchema).default([]).describe("Properties whose full change history is kept; each must be selected."),
    associations: associationsSchema,
    archived: archivedSchema,
    filters: z.array(filterSchema).default([]).describe("Only records matching every filter are synced; each property must be selected."),
    pageSize: pageSizeSchema,
  })
  .meta({ id: "ObjectStreamOptions", description: "Options of a CRM object stream (standard object or custom object)." });

/** An object stream's value: options, or nothing (`contacts:`) for all defaults. */
export const objectStreamEntrySchema = objectStreamOptionsSchema.nullable();

/** `custom_objects:` — every custom object discovered in the portal, all properties. */
export const customObjectsEntrySchema = z
  .union(
    [
      z.literal("all"),
      z.null(),
      z.strictObject({ strategy: strategySchema, associations: associationsSchema, archived: archivedSchema, pageSize: pageSizeSchema }),
    ],
    { error: 'expected "all" or a map of options (strategy, associations, archived, pageSize); got {got}' },
  )
  .describe("Sync every custom object the portal has, with all their properties: `all` (or nothing), or options applied to each.");

export const ownersEntrySchema = z
  .strictObject({ archived: z.boolean().default(true).describe("Also read deactivated owners.") })
  .nullable()
  .describe("HubSpot users who own records.");

export const pipelinesEntrySchema = z
  .strictObject({
    objects: z
      .array(objectNameSchema)
      .min(1)
      .default(["deals", "tickets"])
      .describe("Object types whose pipelines and stages are read."),
  })
  .nullable()
  .describe("Pipelines with their stages.");

export const listsEntrySchema = z
  .strictObject({ memberships: z.boolean().default(true).describe("Also read which records each list holds.") })
  .nullable()
  .describe("Lists (segments) and their memberships.");
