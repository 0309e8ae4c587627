import { defaultPipelines } from "../crm-metadata/default-pipelines.ts";
import type { Pipeline, PipelineObjectTypeName, PipelineStage } from "../crm-metadata/pipeline.ts";
import { pipelineProperties } from "../crm-metadata/pipeline.ts";
import { normalizeStageMetadata, type PipelineInput, type PipelinePatch, type StageInput, type StagePatch } from "../crm-metadata/pipeline-input.ts";
import { syncPipelineOptions } from "../crm-metadata/pipeline-options.ts";
import { ApiError } from "../http/api-error.ts";
import type { Portal } from "./portal.ts";

const pipelineTypes: readonly PipelineObjectTypeName[] = ["deals", "tickets"];
// New pipelines and stages get numeric ids, as HubSpot's do; one counter keeps stage ids unique per type.
const FIRST_GENERATED_ID = 48_215_000;

const byDisplayOrder = <T extends { displayOrder: number }>(a: T, b: T): number => a.displayOrder - b.displayOrder;
const sameLabel = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Deal and ticket pipelines with their stages, seeded with HubSpot's defaults. Every change
 * rewrites the options of the pipeline and stage properties (`deals.pipeline`, `deals.dealstage`,
 * `tickets.hs_pipeline`, `tickets.hs_pipeline_stage`) so record validation needs no special case.
 * Readers get copies holding only live stages; archived pipelines and stages stay restorable.
 */
export class PipelineStore {
  readonly portal: Portal;
  readonly #pipelines: Record<PipelineObjectTypeName, Pipeline[]> = { deals: [], tickets: [] };
  #lastId = FIRST_GENERATED_ID;

  constructor(portal: Portal) {
    this.portal = portal;
    for (const typeName of pipelineTypes) {
      this.#pipelines[typeName].push(this.#build(typeName, defaultPipelines[typeName], this.#now()));
      this.#sync(typeName);
    }
  }

  /** Live pipelines of the type in display order. */
  list(objectTypeName: PipelineObjectTypeName): Pipeline[] {
    return this.#pipelines[objectTypeName].filter((p) => !p.archived).sort(byDisplayOrder).map(liveCopy);
  }

  get(objectTypeName: PipelineObjectTypeName, pipelineId: string): Pipeline | undefined {
    const pipeline = this.#find(objectTypeName, pipelineId);
    return pipeline === undefined || pipeline.archived ? undefined : liveCopy(pipeline);
  }

  /** A live stage of a live pipeline. */
  stage(objectTypeName: PipelineObjectTypeName, pipelineId: string, stageId: string): PipelineStage | undefined {
    return this.get(objectTypeName, pipelineId)?.stages.find((s) => s.id === stageId);
  }

  create(objectTypeName: PipelineObjectTypeName, input: PipelineInput): Pipeline {
    this.#assertLabelFree(objectTypeName, input.label, undefined);
    const pipeline = this.#build(objectTypeName, input, this.#now());
    this.#pipelines[objectTypeName].push(pipeline);
    this.#sync(objectTypeName);
    return liveCopy(pipeline);
  }

  /** PATCH: label, display order, and `archived: false` to restore. Undefined when there is no such pipeline. */
  update(objectTypeName: PipelineObjectTypeName, pipelineId: string, patch: PipelinePatch): Pipeline | undefined {
    const pipeline = this.#find(objectTypeName, pipelineId);
    if (pipeline === undefined) return undefined;
    if (patch.archived === true && !pipeline.archived) this.#assertNotLast(objectTypeName, pipeline);
    const restoring = patch.archived === false && pipeline.archived;
    if (patch.label !== undefined || restoring) this.#assertLabelFree(objectTypeName, patch.label ?? pipeline.label, pipeline);
    const at = this.#now();
    if (patch.label !== undefined) pipeline.label = patch.label;
    if (patch.displayOrder !== undefined) pipeline.displayOrder = patch.displayOrder;
    if (patch.archived !== undefined && patch.archived !== pipeline.archived) {
      pipeline.archived = patch.archived;
      pipeline.archivedAt = patch.archived ? at : undefined;
    }
    pipeline.updatedAt = at;
    this.#sync(objectTypeName);
    return liveCopy(pipeline);
  }

  /**
   * PUT: the pipeline becomes exactly what is sent. Stages are matched to existing ones by
   * label, which keeps their ids (and so the records in them); unmatched old stages are archived.
   */
  replace(objectTypeName: PipelineObjectTypeName, pipelineId: string, input: PipelineInput): Pipeline | undefined {
    const pipeline = this.#live(objectTypeName, pipelineId);
    if (pipeline === undefined) return undefined;
    this.#assertLabelFree(objectTypeName, input.label, pipeline);
    assertDistinctLabels(input.stages);
    const at = this.#now();
    const kept = new Set<PipelineStage>();
    for (const stageInput of input.stages) {
      const existing = pipeline.stages.find((s) => !s.archived && !kept.has(s) && sameLabel(s.label, stageInput.label));
      if (existing === undefined) {
        const created = this.#buildStage(stageInput, at);
        pipeline.stages.push(created);
        kept.add(created);
      } else {
        Object.assign(existing, { label: stageInput.label, displayOrder: stageInput.displayOrder, metadata: { ...stageInput.metadata }, updatedAt: at });
        kept.add(existing);
      }
    }
    for (const stage of pipeline.stages) if (!stage.archived && !kept.has(stage)) archiveStage(stage, at);
    pipeline.stages.sort(byDisplayOrder);
    Object.assign(pipeline, { label: input.label, displayOrder: input.displayOrder, updatedAt: at });
    this.#sync(objectTypeName);
    return liveCopy(pipeline);
  }

  /** Archives a live pipeline; with `validateReferences`, refuses while records sit in it. */
  archive(objectTypeName: PipelineObjectTypeName, pipelineId: string, validateReferences = false): boolean {
    const pipeline = this.#live(objectTypeName, pipelineId);
    if (pipeline === undefined) return false;
    this.#assertNotLast(objectTypeName, pipeline);
    if (validateReferences) this.#assertUnused(objectTypeName, pipelineProperties[objectTypeName].pipeline, pipeline.id, `Pipeline ${pipeline.id}`);
    const at = this.#now();
    pipeline.archived = true;
    pipeline.archivedAt = at;
    pipeline.updatedAt = at;
    this.#sync(objectTypeName);
    return true;
  }

  createStage(objectTypeName: PipelineObjectTypeName, pipelineId: string, input: StageInput): PipelineStage | undefined {
    const pipeline = this.#live(objectTypeName, pipelineId);
    if (pipeline === undefined) return undefined;
    assertStageLabelFree(pipeline, input.label, undefined);
    const at = this.#now();
    const stage = this.#buildStage(input, at);
    pipeline.stages.push(stage);
    pipeline.stages.sort(byDisplayOrder);
    pipeline.updatedAt = at;
    this.#sync(objectTypeName);
    return { ...stage, metadata: { ...stage.metadata } };
  }

  /** PATCH a stage; `archived: false` restores an archived one. Undefined when there is no such stage. */
  updateStage(objectTypeName: PipelineObjectTypeName, pipelineId: string, stageId: string, patch: StagePatch): PipelineStage | undefined {
    const pipeline = this.#live(objectTypeName, pipelineId);
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    if (pipeline === undefined || stage === undefined) return undefined;
    if (patch.archived === true && !stage.archived) assertNotLastStage(pipeline, stage);
    if (patch.label !== undefined || (patch.archived === false && stage.archived)) assertStageLabelFree(pipeline, patch.label ?? stage.label, stage);
    let metadata = stage.metadata;
    if (patch.metadata !== undefined) {
      const merged: Record<string, string> = { ...stage.metadata, ...patch.metadata };
      // isClosed follows probability / ticketState unless the patch sets it itself.
      if (patch.metadata["isClosed"] === undefined) delete merged["isClosed"];
      metadata = normalizeStageMetadata(objectTypeName, merged);
    }
    const at = this.#now();
    if (patch.label !== undefined) stage.label = patch.label;
    if (patch.displayOrder !== undefined) stage.displayOrder = patch.displayOrder;
    stage.metadata = metadata;
    if (patch.archived === true) archiveStage(stage, at);
    if (patch.archived === false) Object.assign(stage, { archived: false, archivedAt: undefined });
    stage.updatedAt = at;
    pipeline.stages.sort(byDisplayOrder);
    pipeline.updatedAt = at;
    this.#sync(objectTypeName);
    return { ...stage, metadata: { ...stage.metadata } };
  }

  replaceStage(objectTypeName: PipelineObjectTypeName, pipelineId: string, stageId: string, input: StageInput): PipelineStage | undefined {
    const stage = this.#live(objectTypeName, pipelineId)?.stages.find((s) => s.id === stageId && !s.archived);
    if (stage === undefined) return undefined;
    return this.updateStage(objectTypeName, pipelineId, stageId, { label: input.label, displayOrder: input.displayOrder, metadata: { ...input.metadata } });
  }

  /** Archives a live stage; with `validateReferences`, refuses while records sit in it. */
  archiveStage(objectTypeName: PipelineObjectTypeName, pipelineId: string, stageId: string, validateReferences = false): boolean {
    const pipeline = this.#live(objectTypeName, pipelineId);
    const stage = pipeline?.stages.find((s) => s.id === stageId && !s.archived);
    if (pipeline === undefined || stage === undefined) return false;
    assertNotLastStage(pipeline, stage);
    if (validateReferences) this.#assertUnused(objectTypeName, pipelineProperties[objectTypeName].stage, stage.id, `Stage ${stage.id}`);
    const at = this.#now();
    archiveStage(stage, at);
    pipeline.updatedAt = at;
    this.#sync(objectTypeName);
    return true;
  }

  #find(typeName: PipelineObjectTypeName, pipelineId: string): Pipeline | undefined {
    return this.#pipelines[typeName].find((p) => p.id === pipelineId);
  }

  #live(typeName: PipelineObjectTypeName, pipelineId: string): Pipeline | undefined {
    const pipeline = this.#find(typeName, pipelineId);
    return pipeline?.archived === false ? pipeline : undefined;
  }

  #build(typeName: PipelineObjectTypeName, input: PipelineInput, at: number): Pipeline {
    assertDistinctLabels(input.stages);
    const stages = input.stages.map((s) => this.#buildStage({ ...s, metadata: normalizeStageMetadata(typeName, s.metadata) }, at)).sort(byDisplayOrder);
    return { id: input.id ?? this.#nextId(), label: input.label, displayOrder: input.displayOrder, stages, createdAt: at, updatedAt: at, archived: false, archivedAt: undefined };
  }

  #buildStage(input: StageInput, at: number): PipelineStage {
    return { id: input.id ?? this.#nextId(), label: input.label, displayOrder: input.displayOrder, metadata: { ...input.metadata }, createdAt: at, updatedAt: at, archived: false, archivedAt: undefined };
  }

  #nextId(): string {
    this.#lastId += 1;
    return String(this.#lastId);
  }

  #now(): number {
    return this.portal.state.clock.now();
  }

  #assertLabelFree(typeName: PipelineObjectTypeName, label: string, self: Pipeline | undefined): void {
    const clash = this.#pipelines[typeName].find((p) => p !== self && !p.archived && sameLabel(p.label, label));
    if (clash !== undefined) throw new ApiError(409, "CONFLICT", `A pipeline with label '${label}' already exists: ${clash.id}.`);
  }

  #assertNotLast(typeName: PipelineObjectTypeName, pipeline: Pipeline): void {
    if (this.#pipelines[typeName].every((p) => p === pipeline || p.archived)) {
      throw new ApiError(400, "VALIDATION_ERROR", `Pipeline ${pipeline.id} is the only ${typeName} pipeline; a portal must keep at least one.`);
    }
  }

  #assertUnused(typeName: PipelineObjectTypeName, property: string, value: string, what: string): void {
    const type = this.portal.resolveType(typeName);
    let count = 0;
    for (const record of this.portal.store(type).scan(0, false, this.#now())) if (record.properties[property] === value) count++;
    if (count > 0) throw new ApiError(409, "CONFLICT", `${what} cannot be deleted: ${count} ${typeName} still reference it.`);
  }

  #sync(typeName: PipelineObjectTypeName): void {
    const registry = this.portal.properties(this.portal.resolveType(typeName));
    syncPipelineOptions(registry, typeName, this.list(typeName), new Date(this.#now()).toISOString());
  }
}

function liveCopy(pipeline: Pipeline): Pipeline {
  const stages = pipeline.stages.filter((s) => !s.archived).map((s) => ({ ...s, metadata: { ...s.metadata } }));
  return { ...pipeline, stages };
}

function archiveStage(stage: PipelineStage, at: number): void {
  stage.archived = true;
  stage.archivedAt = at;
  stage.updatedAt = at;
}

function assertDistinctLabels(stages: readonly StageInput[]): void {
  stages.forEach((stage, i) => {
    if (stages.findIndex((other) => sameLabel(other.label, stage.label)) !== i) {
      throw new ApiError(400, "VALIDATION_ERROR", `Stage labels must be unique within a pipeline; '${stage.label}' appears twice.`);
    }
  });
}

function assertStageLabelFree(pipeline: Pipeline, label: string, self: PipelineStage | undefined): void {
  const clash = pipeline.stages.find((s) => s !== self && !s.archived && sameLabel(s.label, label));
  if (clash !== undefined) throw new ApiError(409, "CONFLICT", `A stage with label '${label}' already exists in pipeline ${pipeline.id}: ${clash.id}.`);
}

function assertNotLastStage(pipeline: Pipeline, stage: PipelineStage): void {
  if (pipeline.stages.every((s) => s === stage || s.archived)) {
    throw new ApiError(400, "VALIDATION_ERROR", `Stage ${stage.id} is the only stage of pipeline ${pipeline.id}; a pipeline must keep at least one.`);
  }
}
