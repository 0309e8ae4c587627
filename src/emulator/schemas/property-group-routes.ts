import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, badRequest, notFound } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import type { PropertyGroup } from "../state/property-definition.ts";
import { propertyScope, type PropertyScope } from "./property-access.ts";
import { applyGroupUpdate, parseGroupCreate } from "./property-group-input.ts";

function liveGroup(scope: PropertyScope, name: string): PropertyGroup {
  const group = scope.registry.group(name);
  if (group === undefined) throw notFound(`Property group ${name} does not exist on object type ${scope.type.name}.`);
  return group;
}

/** Property groups: `/crm/v3/properties/{objectType}/groups[/{groupName}]`. */
export function propertyGroupRoutes(app: Hono<EmulatorEnv>): void {
  const base = "/crm/v3/properties/:objectType/groups";

  app.get(base, (c) => {
    const { registry } = propertyScope(c, "read");
    return c.json({ results: [...registry.groups.values()].filter((g) => !g.archived) });
  });

  app.post(base, async (c) => {
    const scope = propertyScope(c, "write");
    const group = parseGroupCreate(await readJsonObject(c));
    if (scope.registry.group(group.name) !== undefined) {
      throw new ApiError(409, "CONFLICT", `Property group named '${group.name}' already exists.`, {
        errors: [{ message: `Property group named '${group.name}' already exists.`, code: "GROUP_EXISTS", in: "name" }],
      });
    }
    scope.registry.groups.set(group.name, group);
    return c.json(group, 201);
  });

  app.get(`${base}/:groupName`, (c) => c.json(liveGroup(propertyScope(c, "read"), c.req.param("groupName"))));

  app.patch(`${base}/:groupName`, async (c) => {
    const scope = propertyScope(c, "write");
    const updated = applyGroupUpdate(liveGroup(scope, c.req.param("groupName")), await readJsonObject(c));
    scope.registry.groups.set(updated.name, updated);
    return c.json(updated);
  });

  app.delete(`${base}/:groupName`, (c) => {
    const scope = propertyScope(c, "write");
    const group = liveGroup(scope, c.req.param("groupName"));
    if (scope.registry.isDefaultGroup(group.name)) throw badRequest(`Property group '${group.name}' is defined by HubSpot and cannot be archived.`);
    // Archiving a group must not strand its properties without a group.
    const members = scope.registry.live().filter((d) => d.groupName === group.name).map((d) => d.name);
    if (members.length > 0) {
      throw badRequest(`Property group '${group.name}' still holds properties (${members.join(", ")}); move or archive them first.`, {
        context: { properties: members },
      });
    }
    scope.registry.groups.set(group.name, { ...group, archived: true });
    return c.body(null, 204);
  });
}
