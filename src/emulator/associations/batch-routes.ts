import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { readBatchInputs } from "../http/json-body.ts";
import { integrationSource } from "../objects/write-source.ts";
import type { ObjectType } from "../state/object-type.ts";
import { associationRequest, liveRecordId, type AssociationRequest } from "./association-access.ts";
import { parseArchiveInputs, parsePairInputs, parseReadInputs, type PairInput } from "./association-inputs.ts";
import { associationPage } from "./association-page.ts";
import { batchEnvelope, batchError, type BatchError } from "./batch-envelope.ts";
import { defaultAssociationView, labelsBetweenView, v4TargetView } from "./v4-views.ts";

const missingRecord = (type: ObjectType, id: string, side: "fromObjectId" | "toObjectId"): BatchError =>
  batchError("OBJECT_NOT_FOUND", `No ${type.singular} with id ${id} exists.`, { [side]: [id] }, "crm.associations.INVALID_OBJECT_IDS");

/**
 * Runs `write` for each input whose two records are live; inputs naming a missing (or
 * archived) record, or one the write refuses, become errors and the rest are still written.
 */
function writeEach(request: AssociationRequest, inputs: PairInput[], write: (fromId: string, toId: string, input: PairInput) => unknown[]): { results: unknown[]; errors: BatchError[] } {
  const { portal, from, to } = request;
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const fromId = liveRecordId(portal, from, input.fromId);
    const toId = liveRecordId(portal, to, input.toId);
    if (fromId === undefined) errors.push(missingRecord(from, input.fromId, "fromObjectId"));
    else if (toId === undefined) errors.push(missingRecord(to, input.toId, "toObjectId"));
    else {
      try {
        results.push(...write(fromId, toId, input));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(batchError(error.category, error.message, { fromObjectId: [fromId], toObjectId: [toId] }, error.init.subCategory));
      }
    }
  }
  return { results, errors };
}

/** The v4 batch endpoints: `/crm/v4/associations/{from}/{to}/batch/...`. */
export function batchAssociationRoutes(app: Hono<EmulatorEnv>): void {
  const base = "/crm/v4/associations/:fromType/:toType/batch";

  app.post(`${base}/read`, async (c) => {
    const state = c.get("state");
    const startedAt = state.clock.now();
    const { portal, from, to } = associationRequest(c, "read");
    const inputs = parseReadInputs(await readBatchInputs(c, state.options.limits.associationReadMaxInputs));
    const results: unknown[] = [];
    const errors: BatchError[] = [];
    for (const input of inputs) {
      const fromId = liveRecordId(portal, from, input.id);
      const sorted = fromId === undefined ? [] : portal.associations.sortedTargets(from, fromId, to);
      // HubSpot cannot tell "no such record" from "nothing associated": both are this error, per id.
      if (sorted.length === 0 && input.after === undefined) {
        const context = { fromObjectId: [input.id], fromObjectType: [from.singular], toObjectType: [to.singular] };
        errors.push(batchError("OBJECT_NOT_FOUND", `No ${to.singular} is associated with ${from.singular} ${input.id}.`, context, "crm.associations.NO_ASSOCIATIONS_FOUND"));
        continue;
      }
      const page = associationPage(sorted, input.after, state.options.limits.associationPageMax);
      const result: Record<string, unknown> = { from: { id: input.id }, to: page.targets.map(v4TargetView) };
      if (page.next !== undefined) result["paging"] = { next: { after: page.next } };
      results.push(result);
    }
    return c.json(batchEnvelope(results, errors, startedAt, state.clock.now()), errors.length > 0 ? 207 : 200);
  });

  app.post(`${base}/create`, async (c) => {
    const state = c.get("state");
    const startedAt = state.clock.now();
    const request = associationRequest(c, "write");
    const { portal, from, to } = request;
    const inputs = parsePairInputs(await readBatchInputs(c, state.options.limits.associationWriteMaxInputs), true);
    // An unknown type id fails the whole batch, before anything is written.
    for (const input of inputs) portal.associations.resolveTypes(from, to, input.types);
    const source = integrationSource(c.get("grant"));
    const at = state.clock.now();
    const { results, errors } = writeEach(request, inputs, (fromId, toId, input) => {
      portal.associations.associate(from, fromId, to, toId, input.types, source, at);
      const labels = (a: ObjectType, aId: string, b: ObjectType, bId: string) => portal.associations.typesBetween(a, aId, b, bId).map((t) => t.label);
      return [labelsBetweenView(from, fromId, to, toId, labels(from, fromId, to, toId)), labelsBetweenView(to, toId, from, fromId, labels(to, toId, from, fromId))];
    });
    return c.json(batchEnvelope(results, errors, startedAt, state.clock.now()), errors.length > 0 ? 207 : 201);
  });

  app.post(`${base}/associate/default`, async (c) => {
    const state = c.get("state");
    const startedAt = state.clock.now();
    const request = associationRequest(c, "write");
    const { portal, from, to } = request;
    const inputs = parsePairInputs(await readBatchInputs(c, state.options.limits.associationWriteMaxInputs), false);
    const source = integrationSource(c.get("grant"));
    const at = state.clock.now();
    const forward = portal.associations.types.defaultFor(from, to);
    const backward = portal.associations.types.defaultFor(to, from);
    const { results, errors } = writeEach(request, inputs, (fromId, toId) => {
      portal.associations.associateDefault(from, fromId, to, toId, source, at);
      return [defaultAssociationView(forward, fromId, toId), defaultAssociationView(backward, toId, fromId)];
    });
    // HubSpot's spec declares only 200 here (the SDK throws on anything else): failures ride in `errors`.
    return c.json(batchEnvelope(results, errors, startedAt, state.clock.now()), 200);
  });

  app.post(`${base}/archive`, async (c) => {
    const state = c.get("state");
    const { portal, from, to } = associationRequest(c, "write");
    const inputs = parseArchiveInputs(await readBatchInputs(c, state.options.limits.associationWriteMaxInputs));
    const source = integrationSource(c.get("grant"));
    const at = state.clock.now();
    for (const input of inputs) {
      const fromId = liveRecordId(portal, from, input.fromId) ?? input.fromId;
      for (const toId of input.toIds) portal.associations.removePair(from, fromId, to, liveRecordId(portal, to, toId) ?? toId, source, at);
    }
    return c.body(null, 204);
  });

  app.post(`${base}/labels/archive`, async (c) => {
    const state = c.get("state");
    const { portal, from, to } = associationRequest(c, "write");
    const inputs = parsePairInputs(await readBatchInputs(c, state.options.limits.associationWriteMaxInputs), true);
    const typeIds = inputs.map((input) => portal.associations.resolveTypes(from, to, input.types));
    const source = integrationSource(c.get("grant"));
    const at = state.clock.now();
    inputs.forEach((input, i) => {
      const fromId = liveRecordId(portal, from, input.fromId) ?? input.fromId;
      const toId = liveRecordId(portal, to, input.toId) ?? input.toId;
      portal.associations.removeTypes(from, fromId, to, toId, typeIds[i] ?? [], source, at);
    });
    return c.body(null, 204);
  });
}
