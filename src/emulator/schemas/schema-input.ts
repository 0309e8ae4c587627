import { ApiError } from "../http/api-error.ts";
import { isObject } from "../http/json-body.ts";
import { defaultGroupNames, defaultPropertySpecs } from "../state/default-properties.ts";
import { customObjectType, type ObjectType } from "../state/object-type.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import { optionalObject, optionalString, optionalStringArray } from "./body-fields.ts";
import type { SchemaLabels } from "./custom-schema.ts";
import { fieldError, missingFields } from "./field-error.ts";
import { parsePropertyCreate } from "./property-input.ts";
import { assertUniqueCapacity } from "./unique-rules.ts";

/** A schema-create body, validated, with everything needed to register it. */
export interface SchemaDraft {
  name: string;
  labels: SchemaLabels;
  description?: string;
  primaryDisplayProperty: string;
  requiredProperties: string[];
  searchableProperties: string[];
  secondaryDisplayProperties: string[];
  properties: PropertyDefinition[];
  associatedTypes: ObjectType[];
}

export interface SchemaCreateContext {
  portalId: number;
  /** The object type a name in `associatedObjects` (CONTACT, 0-1, p_car...) refers to. */
  resolveType: (name: string) => ObjectType | undefined;
  /** Whether a schema or type, live or archived, already uses this name. */
  nameTaken: (name: string) => boolean;
  /** `limits.uniquePropertiesPerObject`. */
  maxUniqueProperties: number;
  at: string;
}

const schemaNamePattern = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Every custom object gets these; a schema may not define them again. */
const systemNames = new Set(defaultPropertySpecs("", "hs_lastmodifieddate").map((spec) => spec.name));

/** Validates a `POST /crm/v3/schemas` body (HubSpot's ObjectSchemaEgg) without changing anything. */
export function parseSchemaCreate(raw: unknown, context: SchemaCreateContext): SchemaDraft {
  if (!isObject(raw)) throw fieldError("body", "Invalid input JSON: ObjectSchemaEgg must be a JSON object.", "INVALID_TYPE");
  const required = ["name", "labels", "requiredProperties", "properties", "associatedObjects"];
  const missing = required.filter((field) => raw[field] === undefined || raw[field] === null);
  if (missing.length > 0) throw missingFields("ObjectSchemaEgg", missing);

  const name = optionalString(raw, "name") ?? "";
  if (!schemaNamePattern.test(name)) {
    throw fieldError("name", `Object name '${name}' is invalid: it must start with a letter and contain only letters, digits and underscores.`);
  }
  if (context.nameTaken(name)) {
    throw new ApiError(409, "CONFLICT", `An object type named '${name}' already exists in this portal (a deleted schema keeps its name until it is purged with archived=true).`, {
      errors: [{ message: `Object type '${name}' already exists.`, code: "OBJECT_TYPE_EXISTS", in: "name" }],
    });
  }
  const labels = parseLabels(optionalObject(raw, "labels") ?? {});
  const properties = parseProperties(raw["properties"], context, name);
  const own = new Set(properties.map((p) => p.name));
  const known = (property: string): boolean => own.has(property) || systemNames.has(property);

  const requiredProperties = optionalStringArray(raw, "requiredProperties") ?? [];
  for (const property of requiredProperties) {
    if (!own.has(property)) throw fieldError("requiredProperties", `requiredProperties names '${property}', which is not among the schema's properties.`);
  }
  const searchableProperties = namesAmong(raw, "searchableProperties", known);
  const secondaryDisplayProperties = namesAmong(raw, "secondaryDisplayProperties", known);
  const primaryDisplayProperty = optionalString(raw, "primaryDisplayProperty") ?? "hs_object_id";
  if (!known(primaryDisplayProperty)) {
    throw fieldError("primaryDisplayProperty", `primaryDisplayProperty '${primaryDisplayProperty}' is not among the schema's properties.`);
  }
  const draft: SchemaDraft = {
    name,
    labels,
    primaryDisplayProperty,
    requiredProperties: [...new Set(requiredProperties)],
    searchableProperties,
    secondaryDisplayProperties,
    properties,
    associatedTypes: parseAssociatedObjects(raw, context),
  };
  const description = optionalString(raw, "description");
  if (description !== undefined) draft.description = description;
  return draft;
}

export function parseLabels(labels: Record<string, unknown>, current?: SchemaLabels): SchemaLabels {
  const singular = optionalString(labels, "singular", "labels.singular") ?? current?.singular;
  const plural = optionalString(labels, "plural", "labels.plural") ?? current?.plural;
  if (singular === undefined || singular === "") throw fieldError("labels.singular", "labels.singular is required.", "REQUIRED_FIELD");
  if (plural === undefined || plural === "") throw fieldError("labels.plural", "labels.plural is required.", "REQUIRED_FIELD");
  return { singular, plural };
}

/** A list of property names that must all satisfy `known`; the error names the list. */
export function namesAmong(body: Record<string, unknown>, field: string, known: (name: string) => boolean): string[] {
  const names = optionalStringArray(body, field) ?? [];
  for (const name of names) {
    if (!known(name)) throw fieldError(field, `${field} names '${name}', which is not among the schema's properties.`);
  }
  return [...new Set(names)];
}

function parseProperties(value: unknown, context: SchemaCreateContext, schemaName: string): PropertyDefinition[] {
  if (!Array.isArray(value)) throw fieldError("properties", "properties must be an array.", "INVALID_TYPE");
  // The type does not exist yet; this stand-in only carries the name and scopes the rules read.
  const type = customObjectType(context.portalId, "2-0", schemaName, "hs_object_id");
  const seen = new Set<string>();
  const properties = value.map((raw, index) => {
    const path = `properties[${index}]`;
    const definition = parsePropertyCreate(raw, { type, groupExists: (group) => defaultGroupNames.includes(group), schemaProperty: true, path, at: context.at });
    if (systemNames.has(definition.name)) throw fieldError(`${path}.name`, `Property '${definition.name}' is a HubSpot-defined property every object has; choose another name.`);
    if (seen.has(definition.name)) throw fieldError(`${path}.name`, `Property '${definition.name}' is defined more than once.`);
    seen.add(definition.name);
    return definition;
  });
  assertUniqueCapacity(type, 0, properties.filter((p) => p.hasUniqueValue).length, context.maxUniqueProperties, "properties");
  return properties;
}

function parseAssociatedObjects(raw: Record<string, unknown>, context: SchemaCreateContext): ObjectType[] {
  const types = new Map<string, ObjectType>();
  for (const name of optionalStringArray(raw, "associatedObjects") ?? []) {
    const type = context.resolveType(name);
    if (type === undefined) throw fieldError("associatedObjects", `associatedObjects names '${name}', which is not an object type in this portal.`);
    types.set(type.objectTypeId, type);
  }
  return [...types.values()];
}
