import { z } from "zod";
import { standardObjectTypes, type StandardObjectType } from "./standard-objects.ts";
import {
  customObjectsEntrySchema,
  listsEntrySchema,
  objectStreamEntrySchema,
  ownersEntrySchema,
  pipelinesEntrySchema,
} from "./stream-options-schema.ts";

const standardStreams = Object.fromEntries(standardObjectTypes.map((name) => [name, objectStreamEntrySchema.optional()])) as Record<
  StandardObjectType,
  z.ZodOptional<typeof objectStreamEntrySchema>
>;

/**
 * `streams:` — the standard objects, owners, pipelines, lists and custom_objects by name; any
 * other key is a custom object (`gift`, `p_gift`, `2-123`) with object options.
 */
export const streamsSchema = z
  .object({
    ...standardStreams,
    owners: ownersEntrySchema.optional(),
    pipelines: pipelinesEntrySchema.optional(),
    lists: listsEntrySchema.optional(),
    custom_objects: customObjectsEntrySchema.optional(),
  })
  .catchall(objectStreamEntrySchema)
  .refine((streams) => Object.keys(streams).length > 0, { error: "expected at least one stream, such as contacts:" })
  .describe("What to mirror: stream name → options.");
