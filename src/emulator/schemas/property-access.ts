import type { Context } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";
import type { PropertyDefinition } from "../state/property-definition.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";

export interface PropertyScope {
  portal: Portal;
  type: ObjectType;
  registry: PropertyRegistry;
}

/**
 * Resolves `:objectType` of a properties route and checks the caller may read or write the
 * type's definitions (its schema scopes; `crm.schemas.custom.*` for custom objects).
 */
export function propertyScope(c: Context<EmulatorEnv>, access: "read" | "write"): PropertyScope {
  const portal = c.get("portal");
  const type = portal.resolveType(c.req.param("objectType") ?? "");
  requireScope(c, access === "read" ? type.schemaReadScopes : type.schemaWriteScopes);
  return { portal, type, registry: portal.properties(type) };
}

/** A live property, or HubSpot's 404. */
export function liveProperty(scope: PropertyScope, name: string): PropertyDefinition {
  const definition = scope.registry.get(name);
  if (definition === undefined) throw notFound(`Property ${name} does not exist on object type ${scope.type.name} (${scope.type.objectTypeId}).`);
  return definition;
}
