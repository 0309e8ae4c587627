import type { Hono } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import type { EmulatorEnv } from "../env.ts";
import { readJson, readJsonObject } from "../http/json-body.ts";
import { boolParam } from "../http/query-params.ts";
import type { EmulatorParts } from "../parts.ts";
import { fieldError } from "../schemas/field-error.ts";

const readScopes = ["crm.schemas.custom.read"];
const writeScopes = ["crm.schemas.custom.write"];

/**
 * Custom-object schemas. HubSpot documents them under `/crm/v3/schemas`; the SDK calls
 * `/crm-object-schemas/v3/schemas`. Both serve the same handlers.
 */
export function schemasRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  for (const base of ["/crm/v3/schemas", "/crm-object-schemas/v3/schemas"]) mountSchemas(app, base);
}

function mountSchemas(app: Hono<EmulatorEnv>, base: string): void {
  app.get(base, (c) => {
    requireScope(c, readScopes);
    const schemas = c.get("portal").schemas;
    return c.json({ results: schemas.list(boolParam(c, "archived")).map((s) => schemas.view(s)) });
  });

  app.post(base, async (c) => {
    requireScope(c, writeScopes);
    return c.json(c.get("portal").schemas.create(await readJson(c)), 201);
  });

  // The SDK's BatchApi: `{inputs: [objectType...]}`; names that match no schema are left out.
  app.post(`${base}/batch/read`, async (c) => {
    requireScope(c, readScopes);
    const body = await readJsonObject(c);
    const inputs = body["inputs"];
    if (!Array.isArray(inputs) || !inputs.every((i): i is string => typeof i === "string")) {
      throw fieldError("inputs", "inputs must be an array of object type names or ids.", "INVALID_TYPE");
    }
    const schemas = c.get("portal").schemas;
    const found = inputs.map((name) => schemas.find(name)).filter((s) => s !== undefined);
    return c.json({ results: [...new Set(found)].map((s) => schemas.view(s)) });
  });

  app.get(`${base}/:objectType`, (c) => {
    requireScope(c, readScopes);
    const schemas = c.get("portal").schemas;
    return c.json(schemas.view(schemas.get(c.req.param("objectType"), boolParam(c, "archived"))));
  });

  app.patch(`${base}/:objectType`, async (c) => {
    requireScope(c, writeScopes);
    const schemas = c.get("portal").schemas;
    const schema = schemas.get(c.req.param("objectType"));
    return c.json(schemas.definitionView(schemas.update(schema, await readJsonObject(c))));
  });

  // `archived=true` purges: on a live schema, or on one a plain delete already archived.
  app.delete(`${base}/:objectType`, (c) => {
    requireScope(c, writeScopes);
    const schemas = c.get("portal").schemas;
    const name = c.req.param("objectType");
    const purge = boolParam(c, "archived");
    const schema = schemas.find(name) ?? (purge ? schemas.get(name, true) : schemas.get(name));
    schemas.archive(schema, purge);
    return c.body(null, 204);
  });

  app.post(`${base}/:objectType/associations`, async (c) => {
    requireScope(c, writeScopes);
    const schemas = c.get("portal").schemas;
    const schema = schemas.get(c.req.param("objectType"));
    return c.json(schemas.addAssociation(schema, await readJson(c)), 201);
  });

  app.delete(`${base}/:objectType/associations/:associationIdentifier`, (c) => {
    requireScope(c, writeScopes);
    const schemas = c.get("portal").schemas;
    schemas.removeAssociation(schemas.get(c.req.param("objectType")), c.req.param("associationIdentifier"));
    return c.body(null, 204);
  });
}
