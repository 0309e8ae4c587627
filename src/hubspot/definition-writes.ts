import { z } from "zod";
import { createDefinition, type DefinitionWrite } from "./create-definition.ts";
import { findDefinition } from "./find-definition.ts";
import { hubspotPropertySchema, type HubSpotProperty, type propertyTypes } from "./read-properties.ts";
import { hubspotSchemaSchema, type HubSpotSchema } from "./read-schemas.ts";
import type { ReadContext, ReadOptions } from "./read-context.ts";
import { segment } from "./request-url.ts";
import type { WriteContext } from "./write-context.ts";

/** A property to create (`POST /crm/v3/properties/{type}`), in HubSpot's field names. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: (typeof propertyTypes)[number];
  /** text, textarea, number, date, select, radio, checkbox, booleancheckbox, phonenumber... */
  fieldType: string;
  groupName: string;
  description?: string;
  options?: ReadonlyArray<{ label: string; value: string; displayOrder?: number; hidden?: boolean }>;
  /** Only settable at creation, at most 10 per object, never on contacts (use `email`). */
  hasUniqueValue?: boolean;
  displayOrder?: number;
  hidden?: boolean;
  formField?: boolean;
}

export interface PropertyGroupDefinition {
  name: string;
  label: string;
  displayOrder?: number;
}

const groupSchema = z.object({ name: z.string(), label: z.string(), displayOrder: z.number().optional(), archived: z.boolean().default(false) });

/** A property group (`/crm/v3/properties/{type}/groups`). */
export type HubSpotPropertyGroup = z.infer<typeof groupSchema>;

/** A custom object to define (`POST /crm/v3/schemas`). */
export interface SchemaDefinition {
  name: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty?: string;
  requiredProperties: readonly string[];
  searchableProperties?: readonly string[];
  secondaryDisplayProperties?: readonly string[];
  properties: ReadonlyArray<Omit<PropertyDefinition, "groupName" | "fieldType"> & { groupName?: string; fieldType?: string }>;
  /** Types its records associate with: `CONTACT`, `COMPANY`, `0-3`... */
  associatedObjects: readonly string[];
  description?: string;
}

const propertiesPath = (type: string): string => `/crm/v3/properties/${segment(type)}`;

/** Creates a property, or answers the existing one of that name (409); a lost answer is looked up by name first. */
export function createProperty(ctx: WriteContext, type: string, definition: PropertyDefinition, options: ReadOptions = {}): Promise<DefinitionWrite<HubSpotProperty>> {
  return createDefinition(ctx, {
    kind: "metadata-write",
    path: propertiesPath(type),
    json: definition,
    schema: hubspotPropertySchema,
    what: `property "${definition.name}" of ${type}`,
    find: () => findDefinition(ctx, "metadata", `${propertiesPath(type)}/${segment(definition.name)}`, hubspotPropertySchema, options.signal),
    signal: options.signal,
  });
}

/** Creates a property group, or answers the existing one of that name. */
export function createPropertyGroup(ctx: WriteContext, type: string, group: PropertyGroupDefinition, options: ReadOptions = {}): Promise<DefinitionWrite<HubSpotPropertyGroup>> {
  return createDefinition(ctx, {
    kind: "metadata-write",
    path: `${propertiesPath(type)}/groups`,
    json: group,
    schema: groupSchema,
    what: `property group "${group.name}" of ${type}`,
    find: () => findDefinition(ctx, "metadata", `${propertiesPath(type)}/groups/${segment(group.name)}`, groupSchema, options.signal),
    signal: options.signal,
  });
}

/** One custom object's schema by `2-<n>`, name or fully qualified name; undefined when there is none. */
export function readSchema(ctx: ReadContext, type: string, options: ReadOptions = {}): Promise<HubSpotSchema | undefined> {
  return findDefinition(ctx, "metadata", `/crm/v3/schemas/${segment(type)}`, hubspotSchemaSchema, options.signal);
}

/** Defines a custom object, or answers the existing schema of that name (409). */
export function createSchema(ctx: WriteContext, definition: SchemaDefinition, options: ReadOptions = {}): Promise<DefinitionWrite<HubSpotSchema>> {
  return createDefinition(ctx, {
    kind: "metadata-write",
    path: "/crm/v3/schemas",
    json: definition,
    schema: hubspotSchemaSchema,
    what: `custom object "${definition.name}"`,
    find: () => readSchema(ctx, definition.name, options),
    signal: options.signal,
  });
}
