import type { Context, Hono } from "hono";
import { requireScope } from "../auth/require-scope.ts";
import { pipelineView, stageView, type PipelineObjectTypeName } from "../crm-metadata/pipeline.ts";
import { parsePipelineInput, parsePipelinePatch, parseStageInput, parseStagePatch, parseStageReplaceInput } from "../crm-metadata/pipeline-input.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { readJson } from "../http/json-body.ts";
import { boolParam } from "../http/query-params.ts";
import type { EmulatorParts } from "../parts.ts";

type Access = "read" | "write";

/** The pipeline type a path names (`deals`, `0-3`, `tickets`, `0-5`), after checking the caller's scopes for it. */
function pipelineType(c: Context<EmulatorEnv>, access: Access): PipelineObjectTypeName {
  const type = c.get("portal").resolveType(c.req.param("objectType") ?? "");
  requireScope(c, access === "read" ? type.readScopes : type.writeScopes);
  if (type.name !== "deals" && type.name !== "tickets") {
    throw new ApiError(400, "VALIDATION_ERROR", `Object type ${type.name} does not support pipelines.`);
  }
  return type.name;
}

const pipelineNotFound = (id: string): ApiError => notFound(`Unable to find pipeline with id: ${id}`);
const stageNotFound = (pipelineId: string, stageId: string): ApiError => notFound(`Unable to find stage ${stageId} in pipeline ${pipelineId}`);

/** Deletes check record usage only when asked to, as HubSpot's flags do. */
const validateReferences = (c: Context<EmulatorEnv>): boolean =>
  boolParam(c, "validateReferencesBeforeDelete") || boolParam(c, "validateDealStageUsagesBeforeDelete");

/** Pipelines and their stages for deals and tickets: `/crm/v3/pipelines/{objectType}[/{pipelineId}[/stages[/{stageId}]]]`. */
export function pipelinesRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  const base = "/crm/v3/pipelines/:objectType";

  app.get(base, (c) => {
    const typeName = pipelineType(c, "read");
    return c.json({ results: c.get("portal").pipelines.list(typeName).map(pipelineView) });
  });

  app.post(base, async (c) => {
    const typeName = pipelineType(c, "write");
    const input = parsePipelineInput(typeName, await readJson(c));
    return c.json(pipelineView(c.get("portal").pipelines.create(typeName, input)), 201);
  });

  app.get(`${base}/:pipelineId`, (c) => {
    const typeName = pipelineType(c, "read");
    const id = c.req.param("pipelineId");
    const pipeline = c.get("portal").pipelines.get(typeName, id);
    if (pipeline === undefined) throw pipelineNotFound(id);
    return c.json(pipelineView(pipeline));
  });

  app.patch(`${base}/:pipelineId`, async (c) => {
    const typeName = pipelineType(c, "write");
    const id = c.req.param("pipelineId");
    const pipeline = c.get("portal").pipelines.update(typeName, id, parsePipelinePatch(await readJson(c)));
    if (pipeline === undefined) throw pipelineNotFound(id);
    return c.json(pipelineView(pipeline));
  });

  app.put(`${base}/:pipelineId`, async (c) => {
    const typeName = pipelineType(c, "write");
    const id = c.req.param("pipelineId");
    const pipeline = c.get("portal").pipelines.replace(typeName, id, parsePipelineInput(typeName, await readJson(c)));
    if (pipeline === undefined) throw pipelineNotFound(id);
    return c.json(pipelineView(pipeline));
  });

  app.delete(`${base}/:pipelineId`, (c) => {
    const typeName = pipelineType(c, "write");
    const id = c.req.param("pipelineId");
    if (!c.get("portal").pipelines.archive(typeName, id, validateReferences(c))) throw pipelineNotFound(id);
    return c.body(null, 204);
  });

  app.get(`${base}/:pipelineId/stages`, (c) => {
    const typeName = pipelineType(c, "read");
    const id = c.req.param("pipelineId");
    const pipeline = c.get("portal").pipelines.get(typeName, id);
    if (pipeline === undefined) throw pipelineNotFound(id);
    return c.json({ results: pipeline.stages.map(stageView) });
  });

  app.post(`${base}/:pipelineId/stages`, async (c) => {
    const typeName = pipelineType(c, "write");
    const id = c.req.param("pipelineId");
    const stage = c.get("portal").pipelines.createStage(typeName, id, parseStageInput(typeName, await readJson(c)));
    if (stage === undefined) throw pipelineNotFound(id);
    return c.json(stageView(stage), 201);
  });

  app.get(`${base}/:pipelineId/stages/:stageId`, (c) => {
    const typeName = pipelineType(c, "read");
    const { pipelineId, stageId } = c.req.param();
    const stage = c.get("portal").pipelines.stage(typeName, pipelineId, stageId);
    if (stage === undefined) throw stageNotFound(pipelineId, stageId);
    return c.json(stageView(stage));
  });

  app.patch(`${base}/:pipelineId/stages/:stageId`, async (c) => {
    const typeName = pipelineType(c, "write");
    const { pipelineId, stageId } = c.req.param();
    const stage = c.get("portal").pipelines.updateStage(typeName, pipelineId, stageId, parseStagePatch(await readJson(c)));
    if (stage === undefined) throw stageNotFound(pipelineId, stageId);
    return c.json(stageView(stage));
  });

  app.put(`${base}/:pipelineId/stages/:stageId`, async (c) => {
    const typeName = pipelineType(c, "write");
    const { pipelineId, stageId } = c.req.param();
    const stage = c.get("portal").pipelines.replaceStage(typeName, pipelineId, stageId, parseStageReplaceInput(typeName, await readJson(c)));
    if (stage === undefined) throw stageNotFound(pipelineId, stageId);
    return c.json(stageView(stage));
  });

  app.delete(`${base}/:pipelineId/stages/:stageId`, (c) => {
    const typeName = pipelineType(c, "write");
    const { pipelineId, stageId } = c.req.param();
    if (!c.get("portal").pipelines.archiveStage(typeName, pipelineId, stageId, validateReferences(c))) throw stageNotFound(pipelineId, stageId);
    return c.body(null, 204);
  });
}
