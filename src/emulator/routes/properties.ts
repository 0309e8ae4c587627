import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import { boolParam } from "../http/query-params.ts";
import type { EmulatorParts } from "../parts.ts";
import { archiveProperty } from "../schemas/archive-property.ts";
import { createProperty } from "../schemas/create-property.ts";
import { liveProperty, propertyScope } from "../schemas/property-access.ts";
import { propertyBatchRoutes } from "../schemas/property-batch-routes.ts";
import { propertyGroupRoutes } from "../schemas/property-group-routes.ts";
import { applyPropertyUpdate } from "../schemas/property-update.ts";

/**
 * The properties API (`/crm/v3/properties/{objectType}`): definitions, groups and batches.
 * Groups and batches are mounted first so `groups` and `batch` never read as property names.
 */
export function propertiesRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  propertyGroupRoutes(app);
  propertyBatchRoutes(app);
  const base = "/crm/v3/properties/:objectType";

  app.get(base, (c) => {
    const { registry } = propertyScope(c, "read");
    const archived = boolParam(c, "archived");
    return c.json({ results: [...registry.definitions.values()].filter((d) => d.archived === archived) });
  });

  app.post(base, async (c) => {
    const scope = propertyScope(c, "write");
    const body = await readJsonObject(c);
    return c.json(createProperty(scope, body, c.get("state").clock.iso()), 201);
  });

  app.get(`${base}/:propertyName`, (c) => {
    const scope = propertyScope(c, "read");
    const name = c.req.param("propertyName");
    if (!boolParam(c, "archived")) return c.json(liveProperty(scope, name));
    const definition = scope.registry.definitions.get(name);
    if (definition?.archived !== true) throw notFound(`No archived property ${name} on object type ${scope.type.name}.`);
    return c.json(definition);
  });

  app.patch(`${base}/:propertyName`, async (c) => {
    const scope = propertyScope(c, "write");
    const current = liveProperty(scope, c.req.param("propertyName"));
    const body = await readJsonObject(c);
    const { registry, type } = scope;
    const updated = applyPropertyUpdate(current, body, { type, groupExists: (name) => registry.group(name) !== undefined, at: c.get("state").clock.iso() });
    registry.put(updated);
    return c.json(updated);
  });

  app.delete(`${base}/:propertyName`, (c) => {
    const scope = propertyScope(c, "write");
    archiveProperty(scope, c.req.param("propertyName"), c.get("state").clock.iso());
    return c.body(null, 204);
  });
}
