import type { PropertyGroup } from "../state/property-definition.ts";
import { optionalInteger, optionalString } from "./body-fields.ts";
import { fieldError, missingFields } from "./field-error.ts";
import { internalNamePattern } from "./property-input.ts";

/** Validates a PropertyGroupCreate body. */
export function parseGroupCreate(body: Record<string, unknown>): PropertyGroup {
  const missing = ["name", "label"].filter((field) => body[field] === undefined || body[field] === null || body[field] === "");
  if (missing.length > 0) throw missingFields("PropertyGroupCreate", missing);
  const name = optionalString(body, "name") ?? "";
  if (!internalNamePattern.test(name)) {
    throw fieldError("name", `Property group name '${name}' is invalid: it must start with a lowercase letter and contain only lowercase letters, digits and underscores.`);
  }
  return { name, label: optionalString(body, "label") ?? name, displayOrder: optionalInteger(body, "displayOrder") ?? -1, archived: false };
}

/** Applies a PropertyGroupUpdate body (label, displayOrder); the name is the group's identity. */
export function applyGroupUpdate(current: PropertyGroup, body: Record<string, unknown>): PropertyGroup {
  const name = optionalString(body, "name");
  if (name !== undefined && name !== current.name) throw fieldError("name", `Property group '${current.name}' cannot be renamed.`);
  return {
    ...current,
    label: optionalString(body, "label") ?? current.label,
    displayOrder: optionalInteger(body, "displayOrder") ?? current.displayOrder,
  };
}
