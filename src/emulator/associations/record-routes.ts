import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import { readJson } from "../http/json-body.ts";
import { limitParam } from "../http/query-params.ts";
import { integrationSource } from "../objects/write-source.ts";
import type { ObjectType } from "../state/object-type.ts";
import type { Portal } from "../state/portal.ts";
import { associationRequest, liveRecordId } from "./association-access.ts";
import { parseTypeRefs } from "./association-inputs.ts";
import { associationPage } from "./association-page.ts";
import { batchEnvelope } from "./batch-envelope.ts";
import { defaultAssociationView, labelsBetweenView, v4TargetView } from "./v4-views.ts";

function requireLive(portal: Portal, type: ObjectType, id: string): string {
  const live = liveRecordId(portal, type, id);
  if (live === undefined) throw notFound(`No ${type.singular} with id ${id} exists.`);
  return live;
}

/** The v4 endpoints on one record: `/crm/v4/objects/{from}/{id}/associations/...`. */
export function recordAssociationRoutes(app: Hono<EmulatorEnv>): void {
  app.put("/crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId", (c) => {
    const state = c.get("state");
    const startedAt = state.clock.now();
    const { portal, from, to } = associationRequest(c, "write");
    const fromId = requireLive(portal, from, c.req.param("fromId"));
    const toId = requireLive(portal, to, c.req.param("toId"));
    const at = state.clock.now();
    portal.associations.associateDefault(from, fromId, to, toId, integrationSource(c.get("grant")), at);
    const forward = portal.associations.types.defaultFor(from, to);
    const backward = portal.associations.types.defaultFor(to, from);
    return c.json(batchEnvelope([defaultAssociationView(forward, fromId, toId), defaultAssociationView(backward, toId, fromId)], [], startedAt, at), 200);
  });

  app.put("/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId", async (c) => {
    const state = c.get("state");
    const { portal, from, to } = associationRequest(c, "write");
    const types = parseTypeRefs(await readJson(c), "the request body");
    const fromId = requireLive(portal, from, c.req.param("fromId"));
    const toId = requireLive(portal, to, c.req.param("toId"));
    portal.associations.associate(from, fromId, to, toId, types, integrationSource(c.get("grant")), state.clock.now());
    const labels = portal.associations.typesBetween(from, fromId, to, toId).map((t) => t.label);
    return c.json(labelsBetweenView(from, fromId, to, toId, labels), 201);
  });

  app.delete("/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId", (c) => {
    const { portal, from, to } = associationRequest(c, "write");
    const fromId = liveRecordId(portal, from, c.req.param("fromId")) ?? c.req.param("fromId");
    const toId = liveRecordId(portal, to, c.req.param("toId")) ?? c.req.param("toId");
    portal.associations.removePair(from, fromId, to, toId, integrationSource(c.get("grant")), c.get("state").clock.now());
    return c.body(null, 204);
  });

  app.get("/crm/v4/objects/:fromType/:fromId/associations/:toType", (c) => {
    const { portal, from, to } = associationRequest(c, "read");
    const max = c.get("state").options.limits.associationPageMax;
    const fromId = liveRecordId(portal, from, c.req.param("fromId"));
    const sorted = fromId === undefined ? [] : portal.associations.sortedTargets(from, fromId, to);
    const page = associationPage(sorted, c.req.query("after"), limitParam(c, "limit", max, max));
    const body: Record<string, unknown> = { results: page.targets.map(v4TargetView) };
    if (page.next !== undefined) body["paging"] = { next: { after: page.next } };
    return c.json(body, 200);
  });
}
