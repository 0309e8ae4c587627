import type { ObjectType } from "../state/object-type.ts";
import { defineProperty, type PropertyDefinition, type PropertyType } from "../state/property-definition.ts";
import { optionalBoolean, optionalInteger, optionalString } from "./body-fields.ts";
import { fieldError } from "./field-error.ts";
import { defaultFieldType, isFieldTypeAllowed, isPropertyType, propertyTypes } from "./field-types.ts";
import { checkedOptions } from "./property-input.ts";
import { assertUniqueAllowed } from "./unique-rules.ts";

export interface PropertyUpdateRules {
  type: ObjectType;
  groupExists: (name: string) => boolean;
  at: string;
}

/**
 * Applies a PATCH body (HubSpot's PropertyUpdate) and returns the new definition; the old
 * one is left untouched so a failed check changes nothing. HubSpot-defined properties whose
 * definition is read-only refuse every change.
 */
export function applyPropertyUpdate(current: PropertyDefinition, body: Record<string, unknown>, rules: PropertyUpdateRules): PropertyDefinition {
  const { name } = current;
  if (current.modificationMetadata.readOnlyDefinition) {
    throw fieldError("name", `Property '${name}' is defined by HubSpot and its definition is read-only.`, "READ_ONLY_DEFINITION");
  }
  const newName = optionalString(body, "name");
  if (newName !== undefined && newName !== name) throw fieldError("name", `Property '${name}' cannot be renamed.`);
  const unique = optionalBoolean(body, "hasUniqueValue");
  if (unique !== undefined && unique !== current.hasUniqueValue) {
    throw fieldError("hasUniqueValue", `hasUniqueValue can only be set when a property is created (property '${name}').`);
  }

  const type = typeOf(body["type"], current.type);
  const typeChanged = type !== current.type;
  const fieldType = optionalString(body, "fieldType") ?? (typeChanged ? defaultFieldType(type) : current.fieldType);
  if (!isFieldTypeAllowed(type, fieldType)) {
    throw fieldError("fieldType", `fieldType '${fieldType}' is not valid for a property of type '${type}' (property '${name}').`);
  }
  if (typeChanged && current.hasUniqueValue) assertUniqueAllowed(rules.type, type, name, "type");

  const groupName = optionalString(body, "groupName") ?? current.groupName;
  if (groupName !== current.groupName && !rules.groupExists(groupName)) {
    throw fieldError("groupName", `Property group '${groupName}' does not exist on ${rules.type.name}.`);
  }
  const rawOptions = body["options"];
  // Absent options keep the current ones; only options that were sent are checked as a list.
  const sentOptions = rawOptions === undefined || rawOptions === null ? undefined : checkedOptions(rawOptions, type, name, "options");
  // After a type change only an enumeration keeps its options; bool gets HubSpot's pair.
  const keptOptions = !typeChanged || type === "enumeration" ? current.options : type === "bool" ? defineProperty({ name, type }, rules.at).options : [];
  const options = sentOptions ?? keptOptions;
  if (type === "enumeration" && options.length === 0) {
    throw fieldError("options", `Property '${name}' is an enumeration and needs at least one option.`, "REQUIRED_FIELD");
  }
  return {
    ...current,
    label: optionalString(body, "label") ?? current.label,
    description: optionalString(body, "description") ?? current.description,
    type,
    fieldType,
    groupName,
    options,
    displayOrder: optionalInteger(body, "displayOrder") ?? current.displayOrder,
    hidden: optionalBoolean(body, "hidden") ?? current.hidden,
    formField: optionalBoolean(body, "formField") ?? current.formField,
    calculated: fieldType === "calculation_equation",
    updatedAt: rules.at,
  };
}

function typeOf(value: unknown, current: PropertyType): PropertyType {
  if (value === undefined || value === null) return current;
  if (isPropertyType(value)) return value;
  throw fieldError("type", `'${String(value)}' is not a valid property type; valid types are ${propertyTypes.join(", ")}.`);
}
