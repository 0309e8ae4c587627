import type { ObjectType } from "../state/object-type.ts";
import { fieldError } from "./field-error.ts";

/**
 * HubSpot's rules for `hasUniqueValue`: never on contacts (email is their unique key), and
 * only for single-line values a record can be looked up by (text and number).
 */
export function assertUniqueAllowed(objectType: ObjectType, propertyType: string, name: string, path: string): void {
  if (objectType.name === "contacts") {
    throw fieldError(path, `Property '${name}': contact properties cannot require unique values; contacts are unique by email.`);
  }
  if (propertyType !== "string" && propertyType !== "number") {
    throw fieldError(path, `Property '${name}': only string and number properties can require unique values.`);
  }
}

/**
 * The cap (`limits.uniquePropertiesPerObject`, HubSpot: 10) counts live unique properties
 * already on the type plus those being added.
 */
export function assertUniqueCapacity(objectType: ObjectType, existing: number, adding: number, max: number, path: string): void {
  if (adding > 0 && existing + adding > max) {
    throw fieldError(
      path,
      `${objectType.name} would have ${existing + adding} properties with unique values; the limit is ${max} per object type.`,
      "TOO_MANY_UNIQUE_PROPERTIES",
    );
  }
}
