import type { z } from "zod";
import type {
  CustomObjectsStreamConfig,
  ListsStreamConfig,
  ObjectStreamConfig,
  OwnersStreamConfig,
  PipelinesStreamConfig,
  StreamConfig,
} from "./hubsync-config.ts";
import { selectedProperties } from "./selected-properties.ts";
import { isStandardObjectType, modifiedDateProperty } from "./standard-objects.ts";
import {
  customObjectsEntrySchema,
  listsEntrySchema,
  objectStreamOptionsSchema,
  ownersEntrySchema,
  pipelinesEntrySchema,
} from "./stream-options-schema.ts";
import type { streamsSchema } from "./streams-schema.ts";

type Output<T extends z.ZodType> = z.output<T>;
type ObjectStreamOptions = Output<typeof objectStreamOptionsSchema>;

/**
 * Validated `streams:` → stream configs with defaults applied, in `order` (the file's order:
 * zod's output puts the known names first).
 */
export function resolveStreams(streams: Output<typeof streamsSchema>, order: readonly string[] = []): StreamConfig[] {
  // A catchall object's type merges the known keys with the index signature; reading it as a
  // plain record and narrowing by key is what the schema guarantees.
  const position = (name: string): number => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  const entries: [string, unknown][] = Object.entries(streams as Readonly<Record<string, unknown>>).sort(
    ([a], [b]) => position(a) - position(b),
  );
  return entries.map(([name, value]) => {
    switch (name) {
      case "owners":
        return owners(value as Output<typeof ownersEntrySchema>);
      case "pipelines":
        return pipelines(value as Output<typeof pipelinesEntrySchema>);
      case "lists":
        return lists(value as Output<typeof listsEntrySchema>);
      case "custom_objects":
        return customObjects(value as Output<typeof customObjectsEntrySchema>);
      default:
        return objectStream(name, (value as ObjectStreamOptions | null) ?? objectStreamOptionsSchema.parse({}));
    }
  });
}

function objectStream(name: string, options: ObjectStreamOptions): ObjectStreamConfig {
  return {
    kind: "object",
    name,
    objectType: name,
    custom: !isStandardObjectType(name),
    strategy: options.strategy,
    properties: selectedProperties(name, options.properties),
    modifiedDateProperty: modifiedDateProperty(name),
    history: [...new Set(options.history)],
    associations: [...new Set(options.associations)],
    archived: options.archived,
    filters: options.filters,
    pageSize: options.pageSize,
  };
}

function customObjects(value: Output<typeof customObjectsEntrySchema>): CustomObjectsStreamConfig {
  const options = value === "all" || value === null ? customObjectsDefaults() : value;
  return {
    kind: "custom_objects",
    name: "custom_objects",
    strategy: options.strategy,
    associations: [...new Set(options.associations)],
    archived: options.archived,
    pageSize: options.pageSize,
  };
}

function customObjectsDefaults(): Exclude<Output<typeof customObjectsEntrySchema>, "all" | null> {
  const parsed = customObjectsEntrySchema.parse({});
  if (parsed === "all" || parsed === null) throw new Error("unreachable: {} parses as options");
  return parsed;
}

function owners(value: Output<typeof ownersEntrySchema>): OwnersStreamConfig {
  const options = value ?? ownersEntrySchema.unwrap().parse({});
  return { kind: "owners", name: "owners", archived: options.archived };
}

function pipelines(value: Output<typeof pipelinesEntrySchema>): PipelinesStreamConfig {
  const options = value ?? pipelinesEntrySchema.unwrap().parse({});
  return { kind: "pipelines", name: "pipelines", objects: [...new Set(options.objects)] };
}

function lists(value: Output<typeof listsEntrySchema>): ListsStreamConfig {
  const options = value ?? listsEntrySchema.unwrap().parse({});
  return { kind: "lists", name: "lists", memberships: options.memberships };
}
