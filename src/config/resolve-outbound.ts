import { isAbsolute, resolve } from "node:path";
import type { z } from "zod";
import { connectionId, syncId } from "../core/ids.ts";
import type { customObjectSchema, customPropertySchema } from "./custom-object-schema.ts";
import type {
  CustomObjectSchemaConfig,
  CustomPropertyConfig,
  OutboundAssociationConfig,
  OutboundSourceConfig,
  OutboundSyncConfig,
  PropertyType,
} from "./hubsync-config.ts";
import type { outboundSyncSchema } from "./outbound-sync-schema.ts";
import { isStandardObjectType } from "./standard-objects.ts";

type OutboundSyncFile = z.output<typeof outboundSyncSchema>;

/** HubSpot's form field for each property type, when a custom property names none. */
const defaultFieldTypes: Readonly<Record<PropertyType, string>> = {
  string: "text",
  number: "number",
  date: "date",
  datetime: "date",
  enumeration: "select",
  bool: "booleancheckbox",
  phone_number: "phonenumber",
};

/** A validated `outbound:` entry → the sync config the engine reads. */
export function resolveOutboundSync(name: string, sync: OutboundSyncFile, baseDir: string | undefined): OutboundSyncConfig {
  const resolved: OutboundSyncConfig = {
    name: syncId(name),
    connection: connectionId(sync.connection),
    schedule: sync.schedule,
    source: resolveSourcePath(sync.source, baseDir),
    key: sync.key,
    objectType: sync.object,
    custom: !isStandardObjectType(sync.object),
    mode: sync.mode,
    fields: sync.fields,
    createMissingProperties: sync.createMissingProperties,
    associations: sync.associations.map((association): OutboundAssociationConfig => resolveAssociation(association, sync.associations)),
    dryRun: sync.dryRun,
  };
  if (sync.match !== undefined) resolved.match = { property: sync.match.property, column: sync.match.column };
  if (sync.numberFormat !== undefined) resolved.numberFormat = sync.numberFormat;
  if (sync.list !== undefined && sync.list !== false) {
    resolved.list = { name: sync.list === true ? name : (sync.list.name ?? name) };
  }
  if (sync.customObject !== undefined) resolved.customObject = resolveCustomObject(sync.customObject);
  return resolved;
}

type AssociationFile = OutboundSyncFile["associations"][number];

function resolveAssociation(association: AssociationFile, all: readonly AssociationFile[]): OutboundAssociationConfig {
  const through = association.through === undefined ? undefined : throughIndex(association.through, all);
  const resolved: OutboundAssociationConfig = {
    toObjectType: association.to,
    // Cross-checked: a column, or a through naming another association (whose column is repeated here).
    column: association.column ?? (through === undefined ? "" : (all[through]?.column ?? "")),
    by: association.by,
    ...(association.label === undefined ? {} : { label: association.label }),
    shape: association.shape,
    removeMissing: association.removeMissing,
    removeDefaultWhenLastLabelRemoved: association.removeDefaultWhenLastLabelRemoved,
  };
  if (association.resolve !== undefined) resolved.resolve = association.resolve;
  if (through !== undefined) resolved.through = { association: through, only: association.only ?? "all" };
  return resolved;
}

/** The association `through` names: its index, or the one association read from that column. */
export function throughIndex(through: string | number, all: ReadonlyArray<{ column?: string | undefined; through?: unknown }>): number | undefined {
  if (typeof through === "number") return through < all.length ? through : undefined;
  const matches = all.flatMap((candidate, index) => (candidate.through === undefined && candidate.column === through ? [index] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

function resolveSourcePath(source: OutboundSourceConfig, baseDir: string | undefined): OutboundSourceConfig {
  if (source.kind !== "csv" && source.kind !== "jsonl") return source;
  if (baseDir === undefined || isAbsolute(source.path)) return source;
  return { ...source, path: resolve(baseDir, source.path) };
}

function resolveCustomObject(schema: z.output<typeof customObjectSchema>): CustomObjectSchemaConfig {
  return {
    name: schema.name,
    labels: { singular: schema.labels.singular, plural: schema.labels.plural },
    primaryDisplayProperty: schema.primaryDisplayProperty,
    properties: schema.properties.map((property) => resolveProperty(property, property.name === schema.uniqueProperty)),
    uniqueProperty: schema.uniqueProperty,
    associatedObjects: [...new Set(schema.associatedObjects)],
  };
}

function resolveProperty(property: z.output<typeof customPropertySchema>, unique: boolean): CustomPropertyConfig {
  const options = (property.options ?? []).map((option) => (typeof option === "string" ? { label: option, value: option } : option));
  const yesNo = [
    { label: "Yes", value: "true" },
    { label: "No", value: "false" },
  ];
  return {
    name: property.name,
    label: property.label ?? property.name,
    type: property.type,
    fieldType: property.fieldType ?? defaultFieldTypes[property.type],
    options: property.type === "bool" && options.length === 0 ? yesNo : options,
    hasUniqueValue: unique,
  };
}
