import { isObject } from "../http/json-body.ts";
import type { ObjectType } from "../state/object-type.ts";
import { defineProperty, type PropertyDefinition, type PropertyOption } from "../state/property-definition.ts";
import { optionalBoolean, optionalInteger, optionalString } from "./body-fields.ts";
import { fieldError, missingFields } from "./field-error.ts";
import { defaultFieldType, isFieldTypeAllowed, isPropertyType, propertyTypes } from "./field-types.ts";
import { parseOptions } from "./option-input.ts";
import { assertUniqueAllowed } from "./unique-rules.ts";

/** HubSpot's rule for internal names of properties and groups. */
export const internalNamePattern = /^[a-z][a-z0-9_]*$/;

export interface PropertyCreateRules {
  type: ObjectType;
  /** Whether a live group of that name exists on the type. */
  groupExists: (name: string) => boolean;
  /**
   * Properties inside a schema-create body may omit groupName and fieldType
   * (ObjectTypePropertyCreate); the properties API requires both (PropertyCreate).
   */
  schemaProperty: boolean;
  /** Prefix for field names in errors: `properties[2]` inside a schema body. */
  path?: string;
  at: string;
}

/** Validates one property-create body and builds the definition HubSpot would store. */
export function parsePropertyCreate(raw: unknown, rules: PropertyCreateRules): PropertyDefinition {
  const at = (field: string): string => (rules.path === undefined ? field : `${rules.path}.${field}`);
  const model = rules.schemaProperty ? "ObjectTypePropertyCreate" : "PropertyCreate";
  if (!isObject(raw)) throw fieldError(rules.path ?? "body", `Invalid input JSON: ${model} must be a JSON object.`, "INVALID_TYPE");

  const required = rules.schemaProperty ? ["name", "label", "type"] : ["name", "label", "type", "fieldType", "groupName"];
  const missing = required.filter((field) => raw[field] === undefined || raw[field] === null || raw[field] === "");
  if (missing.length > 0) throw missingFields(model, missing.map(at));

  const name = optionalString(raw, "name", at("name")) ?? "";
  if (!internalNamePattern.test(name)) {
    throw fieldError(at("name"), `Property name '${name}' is invalid: it must start with a lowercase letter and contain only lowercase letters, digits and underscores.`);
  }
  const label = optionalString(raw, "label", at("label")) ?? "";
  const type = raw["type"];
  if (!isPropertyType(type)) {
    throw fieldError(at("type"), `'${String(type)}' is not a valid property type for property '${name}'; valid types are ${propertyTypes.join(", ")}.`);
  }
  const fieldType = optionalString(raw, "fieldType", at("fieldType")) ?? defaultFieldType(type);
  if (!isFieldTypeAllowed(type, fieldType)) {
    throw fieldError(at("fieldType"), `fieldType '${fieldType}' is not valid for a property of type '${type}' (property '${name}').`);
  }
  const groupName = optionalString(raw, "groupName", at("groupName")) ?? "information";
  if (!rules.groupExists(groupName)) {
    throw fieldError(at("groupName"), `Property group '${groupName}' does not exist on ${rules.type.name}; create it first (property '${name}').`);
  }
  const options = checkedOptions(raw["options"], type, name, at("options"));
  const hasUniqueValue = optionalBoolean(raw, "hasUniqueValue", at("hasUniqueValue")) ?? false;
  if (hasUniqueValue) assertUniqueAllowed(rules.type, type, name, at("hasUniqueValue"));

  const definition = defineProperty({ name, label, type, fieldType, groupName, hasUniqueValue, hubspotDefined: false }, rules.at);
  const calculated = fieldType === "calculation_equation";
  return {
    ...definition,
    description: optionalString(raw, "description", at("description")) ?? "",
    options: options ?? definition.options,
    displayOrder: optionalInteger(raw, "displayOrder", at("displayOrder")) ?? -1,
    hidden: optionalBoolean(raw, "hidden", at("hidden")) ?? false,
    formField: optionalBoolean(raw, "formField", at("formField")) ?? definition.formField,
    externalOptions: optionalBoolean(raw, "externalOptions", at("externalOptions")) ?? false,
    calculated,
    modificationMetadata: { ...definition.modificationMetadata, readOnlyValue: calculated },
  };
}

/**
 * Options are the values an enumeration accepts, so one without options could hold nothing;
 * other types take none (bool gets HubSpot's true/false pair). An empty list is tolerated
 * everywhere, since clients often send `options: []` on every property.
 */
export function checkedOptions(value: unknown, type: string, name: string, path: string): PropertyOption[] | undefined {
  const options = value === undefined || value === null ? undefined : parseOptions(value, path);
  if (type === "enumeration" && (options === undefined || options.length === 0)) {
    throw fieldError(path, `Property '${name}' is an enumeration and needs at least one option.`, "REQUIRED_FIELD");
  }
  if (options !== undefined && options.length > 0 && type !== "enumeration" && type !== "bool") {
    throw fieldError(path, `Property '${name}' is of type '${type}'; only enumeration and bool properties take options.`);
  }
  return options;
}
