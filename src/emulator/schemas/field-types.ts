import type { PropertyType } from "../state/property-definition.ts";

/**
 * HubSpot's valid `type` / `fieldType` pairs (properties guide, "valid combinations"). The
 * first entry is what a property of the type gets when the request names no fieldType.
 */
export const fieldTypesByType: Readonly<Record<PropertyType, readonly string[]>> = {
  string: ["text", "textarea", "file", "html", "phonenumber", "calculation_equation"],
  number: ["number", "calculation_equation"],
  date: ["date"],
  datetime: ["date"],
  enumeration: ["select", "radio", "checkbox", "booleancheckbox", "calculation_equation"],
  bool: ["booleancheckbox", "calculation_equation"],
  phone_number: ["phonenumber"],
};

export const propertyTypes = Object.keys(fieldTypesByType) as PropertyType[];

export function isPropertyType(value: unknown): value is PropertyType {
  return typeof value === "string" && (propertyTypes as string[]).includes(value);
}

export function isFieldTypeAllowed(type: PropertyType, fieldType: string): boolean {
  return fieldTypesByType[type].includes(fieldType);
}

export function defaultFieldType(type: PropertyType): string {
  return fieldTypesByType[type][0] ?? "text";
}
