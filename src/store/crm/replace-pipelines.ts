import type { PortalId } from "../../core/ids.ts";
import type { StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { chunkRows } from "../sql/chunk-rows.ts";
import { isoFromMs } from "../sql/iso-timestamp.ts";
import type { PipelineInput } from "./crm-inputs.ts";
import { optionalTimestamp } from "./optional-timestamp.ts";

export interface ReplacePipelinesResult {
  pipelines: number;
  stages: number;
  /** Pipelines and stages stored before but missing now: marked archived, kept (deals still point at them). */
  archivedPipelines: number;
  archivedStages: number;
}

/** Makes the stored pipelines of one object type (deals, tickets) equal to HubSpot's. */
export async function replacePipelines(
  ctx: StoreContext,
  tx: StoreTx,
  portal: PortalId,
  objectType: string,
  pipelines: readonly PipelineInput[],
): Promise<ReplacePipelinesResult> {
  const now = isoFromMs(ctx.clock.now());
  const yes = ctx.flavor.bool(true);
  const distinct = [...new Map(pipelines.map((p) => [p.id, p])).values()];
  for (const chunk of chunkRows(distinct, 9, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_pipelines")
      .values(
        chunk.map((p) => ({
          portal,
          object_type: objectType,
          id: p.id,
          label: p.label,
          display_order: p.displayOrder,
          archived: ctx.flavor.bool(p.archived === true),
          created_at: optionalTimestamp(p.createdAt),
          updated_at: optionalTimestamp(p.updatedAt),
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["portal", "object_type", "id"]).doUpdateSet((eb) => ({
          label: eb.ref("excluded.label"),
          display_order: eb.ref("excluded.display_order"),
          archived: eb.ref("excluded.archived"),
          created_at: eb.ref("excluded.created_at"),
          updated_at: eb.ref("excluded.updated_at"),
          synced_at: eb.ref("excluded.synced_at"),
        })),
      )
      .execute();
  }
  const stages = distinct.flatMap((p) => [...new Map(p.stages.map((s) => [s.id, s])).values()].map((s) => ({ pipeline: p.id, stage: s })));
  for (const chunk of chunkRows(stages, 9, ctx.flavor.maxParameters)) {
    await tx.db
      .insertInto("hs_pipeline_stages")
      .values(
        chunk.map(({ pipeline, stage }) => ({
          portal,
          object_type: objectType,
          pipeline_id: pipeline,
          id: stage.id,
          label: stage.label,
          display_order: stage.displayOrder,
          metadata_json: JSON.stringify(stage.metadata ?? {}),
          archived: ctx.flavor.bool(stage.archived === true),
          synced_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["portal", "object_type", "pipeline_id", "id"]).doUpdateSet((eb) => ({
          label: eb.ref("excluded.label"),
          display_order: eb.ref("excluded.display_order"),
          metadata_json: eb.ref("excluded.metadata_json"),
          archived: eb.ref("excluded.archived"),
          synced_at: eb.ref("excluded.synced_at"),
        })),
      )
      .execute();
  }

  // A portal has tens of pipelines at most, so the NOT IN lists stay far below any limit.
  const keptPipelines = distinct.map((p) => p.id);
  const gonePipelines = await tx.db
    .updateTable("hs_pipelines")
    .set({ archived: yes, synced_at: now })
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .where("archived", "<>", yes)
    .$if(keptPipelines.length > 0, (qb) => qb.where("id", "not in", keptPipelines))
    .executeTakeFirst();
  let archivedStages = 0;
  const goneStagesOfGonePipelines = await tx.db
    .updateTable("hs_pipeline_stages")
    .set({ archived: yes, synced_at: now })
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .where("archived", "<>", yes)
    .$if(keptPipelines.length > 0, (qb) => qb.where("pipeline_id", "not in", keptPipelines))
    .executeTakeFirst();
  archivedStages += Number(goneStagesOfGonePipelines.numUpdatedRows);
  for (const pipeline of distinct) {
    const keptStages = pipeline.stages.map((s) => s.id);
    const gone = await tx.db
      .updateTable("hs_pipeline_stages")
      .set({ archived: yes, synced_at: now })
      .where("portal", "=", portal)
      .where("object_type", "=", objectType)
      .where("pipeline_id", "=", pipeline.id)
      .where("archived", "<>", yes)
      .$if(keptStages.length > 0, (qb) => qb.where("id", "not in", keptStages))
      .executeTakeFirst();
    archivedStages += Number(gone.numUpdatedRows);
  }
  return {
    pipelines: distinct.length,
    stages: stages.length,
    archivedPipelines: Number(gonePipelines.numUpdatedRows),
    archivedStages,
  };
}
