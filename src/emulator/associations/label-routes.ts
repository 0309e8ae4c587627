import type { Context, Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, badRequest, notFound } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import { integrationSource } from "../objects/write-source.ts";
import { associationRequest } from "./association-access.ts";
import type { AssociationTypeDef } from "./association-type.ts";
import { labelView } from "./v4-views.ts";

const optionalText = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw badRequest(`Invalid input JSON: ${field} must be a non-empty string.`, { context: { field: [field] } });
  return value.trim();
};

const requiredText = (value: unknown, field: string): string => {
  const text = optionalText(value, field);
  if (text === undefined) throw badRequest(`Invalid input JSON: ${field} is required.`, { context: { field: [field] } });
  return text;
};

/** A label of the path's direction that may be changed; HubSpot's own types cannot be. */
function editableLabel(c: Context<EmulatorEnv>, typeId: unknown): AssociationTypeDef {
  const { portal, from, to } = associationRequest(c, "write");
  const id = typeof typeId === "number" ? typeId : typeof typeId === "string" ? Number(typeId) : Number.NaN;
  if (!Number.isInteger(id)) throw badRequest("Invalid input: associationTypeId must be an integer.");
  const def = portal.associations.types.inDirection(from, to, id);
  if (def === undefined) throw notFound(`No association type ${id} exists from ${from.name} to ${to.name}.`);
  if (def.category === "HUBSPOT_DEFINED" || def.isDefault) {
    throw new ApiError(400, "VALIDATION_ERROR", `Association type ${id} is ${def.isDefault ? "the unlabelled default" : "defined by HubSpot"} and cannot be changed or deleted.`);
  }
  return def;
}

/**
 * Association labels (types) of an object pair: `/crm/v4/associations/{from}/{to}/labels`,
 * also served under `/crm/associations/v4/...`, the path the SDK's LabelsApi uses.
 * Labels are per pair: creating one registers a type id for each direction.
 */
export function associationLabelRoutes(app: Hono<EmulatorEnv>): void {
  for (const base of ["/crm/v4/associations/:fromType/:toType/labels", "/crm/associations/v4/:fromType/:toType/labels"]) {
    app.get(base, (c) => {
      const { portal, from, to } = associationRequest(c, "read");
      return c.json({ results: portal.associations.types.direction(from, to).map(labelView) }, 200);
    });

    app.post(base, async (c) => {
      const { portal, from, to } = associationRequest(c, "write");
      const body = await readJsonObject(c);
      const label = requiredText(body["label"], "label");
      const name = requiredText(body["name"], "name");
      const inverseLabel = optionalText(body["inverseLabel"], "inverseLabel");
      const defs = portal.associations.types.addLabel(from, to, name, label, inverseLabel);
      return c.json({ results: [...new Set(defs)].map(labelView) }, 200);
    });

    app.put(base, async (c) => {
      const body = await readJsonObject(c);
      const def = editableLabel(c, body["associationTypeId"]);
      c.get("portal").associations.types.updateLabel(def, requiredText(body["label"], "label"), optionalText(body["inverseLabel"], "inverseLabel"));
      return c.body(null, 204);
    });

    app.delete(`${base}/:associationTypeId`, (c) => {
      const def = editableLabel(c, c.req.param("associationTypeId"));
      c.get("portal").associations.deleteLabel(def, integrationSource(c.get("grant")), c.get("state").clock.now());
      return c.body(null, 204);
    });
  }
}
