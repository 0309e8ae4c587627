/** The object types that have pipelines in the emulator. */
export type PipelineObjectTypeName = "deals" | "tickets";

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  /** Always strings, as HubSpot sends them: `probability` and `isClosed` on deals, `ticketState` and `isClosed` on tickets. */
  metadata: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | undefined;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  /** Stages in display order; `PipelineStore` hands out only the live ones. */
  stages: PipelineStage[];
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | undefined;
}

/** The enumeration properties whose options mirror a type's pipelines and stages. */
export const pipelineProperties: Record<PipelineObjectTypeName, { pipeline: string; stage: string }> = {
  deals: { pipeline: "pipeline", stage: "dealstage" },
  tickets: { pipeline: "hs_pipeline", stage: "hs_pipeline_stage" },
};

export interface PipelineStageView {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  writePermissions: "CRM_PERMISSIONS_ENFORCEMENT";
}

export interface PipelineView {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStageView[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function stageView(stage: PipelineStage): PipelineStageView {
  const view: PipelineStageView = {
    id: stage.id,
    label: stage.label,
    displayOrder: stage.displayOrder,
    metadata: { ...stage.metadata },
    createdAt: iso(stage.createdAt),
    updatedAt: iso(stage.updatedAt),
    archived: stage.archived,
    writePermissions: "CRM_PERMISSIONS_ENFORCEMENT",
  };
  if (stage.archivedAt !== undefined) view.archivedAt = iso(stage.archivedAt);
  return view;
}

export function pipelineView(pipeline: Pipeline): PipelineView {
  const view: PipelineView = {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    stages: pipeline.stages.map(stageView),
    createdAt: iso(pipeline.createdAt),
    updatedAt: iso(pipeline.updatedAt),
    archived: pipeline.archived,
  };
  if (pipeline.archivedAt !== undefined) view.archivedAt = iso(pipeline.archivedAt);
  return view;
}
