import { badRequest } from "../http/api-error.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import { liveProperty, type PropertyScope } from "./property-access.ts";

/**
 * Archives a property (HubSpot's DELETE). HubSpot's own properties, and those a custom
 * object's schema depends on (primary display, required), cannot be archived.
 */
export function archiveProperty(scope: PropertyScope, name: string, at: string): void {
  const definition = archivableProperty(scope, name);
  scope.registry.put({ ...definition, archived: true, archivedAt: at, updatedAt: at });
}

/** The live property if it may be archived; HubSpot's 404 or 400 otherwise. */
export function archivableProperty(scope: PropertyScope, name: string): PropertyDefinition {
  const definition = liveProperty(scope, name);
  if (definition.hubspotDefined || !definition.modificationMetadata.archivable) {
    throw badRequest(`Property '${name}' is defined by HubSpot and cannot be archived.`, {
      errors: [{ message: `Property '${name}' is defined by HubSpot and cannot be archived.`, code: "NOT_ARCHIVABLE", in: "propertyName" }],
    });
  }
  const { type, portal } = scope;
  if (type.custom && (type.primaryDisplayProperty === name || portal.schemas.requiredProperties(type).includes(name))) {
    throw badRequest(`Property '${name}' is the primary display property or a required property of ${type.name}; change the schema before archiving it.`, {
      errors: [{ message: `Property '${name}' is used by the ${type.name} schema.`, code: "PROPERTY_IN_USE", in: "propertyName" }],
    });
  }
  return definition;
}
