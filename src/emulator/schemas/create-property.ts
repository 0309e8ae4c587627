import { ApiError } from "../http/api-error.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import type { PropertyScope } from "./property-access.ts";
import { parsePropertyCreate } from "./property-input.ts";
import { assertUniqueCapacity } from "./unique-rules.ts";

/**
 * Validates and registers one property on a type: 409 if a live one has the name, and a
 * unique-value property also gets its index in the type's record store.
 */
export function createProperty(scope: PropertyScope, raw: unknown, at: string): PropertyDefinition {
  const { registry, type, portal } = scope;
  const definition = parsePropertyCreate(raw, { type, groupExists: (name) => registry.group(name) !== undefined, schemaProperty: false, at });
  if (registry.get(definition.name) !== undefined) {
    throw new ApiError(409, "CONFLICT", `Property named '${definition.name}' already exists.`, {
      errors: [{ message: `Property named '${definition.name}' already exists.`, code: "PROPERTY_EXISTS", in: "name" }],
    });
  }
  if (definition.hasUniqueValue) {
    assertUniqueCapacity(type, registry.uniqueNames().length, 1, portal.state.options.limits.uniquePropertiesPerObject, "hasUniqueValue");
  }
  registry.put(definition);
  if (definition.hasUniqueValue) portal.store(type).addUniqueProperty(definition.name);
  return definition;
}
