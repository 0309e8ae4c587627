import type { PipelinesStreamConfig } from "../../config/index.ts";
import type { HubSpotPipeline } from "../../hubspot/index.ts";
import type { AuditEntryInput, Pipeline, PipelineInput } from "../../store/index.ts";
import { pageProgress } from "./page-progress.ts";
import { checkAborted, readOptions, type RunContext } from "./run-context.ts";
import type { StreamCounter } from "./stream-counter.ts";

/** Object types HubSpot's pipelines API serves. */
const pipelineTypes = ["deals", "tickets"] as const;
type PipelineType = (typeof pipelineTypes)[number];
const isPipelineType = (name: string): name is PipelineType => (pipelineTypes as readonly string[]).includes(name);

/**
 * Deal and ticket pipelines with their stages: read whole (HubSpot does not page them) and
 * written only when they differ from what is stored; pipelines and stages gone from HubSpot
 * stay, marked archived (deals still point at them).
 */
export async function syncPipelines(ctx: RunContext, stream: PipelinesStreamConfig, counter: StreamCounter): Promise<void> {
  const notes: AuditEntryInput[] = [];
  for (const objectType of stream.objects) {
    checkAborted(ctx);
    if (!isPipelineType(objectType)) {
      counter.warnings += 1;
      notes.push({ runId: ctx.runId, stream: stream.name, level: "warn", action: "pipelines_unsupported", message: `HubSpot has no pipelines API for ${objectType}; skipped (deals and tickets have pipelines)` });
      continue;
    }
    const pipelines = (await ctx.client.pipelines(objectType, readOptions(ctx))).map(pipelineInput);
    counter.fetched += pipelines.length;
    const stored = await ctx.store.pipelines(ctx.portal, objectType);
    let written = 0;
    if (!samePipelines(pipelines, stored)) {
      const result = await ctx.store.transaction(async (tx) => {
        await ctx.lease.renewIfDue(tx);
        return ctx.store.replacePipelines(tx, ctx.portal, objectType, pipelines);
      });
      written = result.pipelines + result.stages;
      counter.deleted += result.archivedPipelines + result.archivedStages;
    }
    counter.written += written;
    pageProgress(ctx, stream.name, pipelines.length, written, counter.fetched);
  }
  if (notes.length > 0) await ctx.store.appendAudit(notes);
}

function pipelineInput(p: HubSpotPipeline): PipelineInput {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    archived: p.archived,
    stages: p.stages.map((s) => ({ id: s.id, label: s.label, displayOrder: s.displayOrder, metadata: s.metadata, archived: s.archived })),
  };
}

/** HubSpot's pipelines equal the stored live ones, stage for stage (stored archived ones must be gone from HubSpot). */
function samePipelines(wanted: readonly PipelineInput[], stored: readonly Pipeline[]): boolean {
  const key = (p: { id: string; label: string; displayOrder: number; archived?: boolean; stages: ReadonlyArray<{ id: string; label: string; displayOrder: number; metadata?: unknown; archived?: boolean }> }): string =>
    JSON.stringify([
      p.id,
      p.label,
      p.displayOrder,
      p.archived === true,
      [...p.stages]
        .filter((s) => s.archived !== true)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((s) => [s.id, s.label, s.displayOrder, sortedJson(s.metadata ?? {})]),
    ]);
  const live = stored.filter((p) => !p.archived || wanted.some((w) => w.id === p.id));
  if (live.length !== wanted.length) return false;
  const storedKeys = new Set(live.map(key));
  return wanted.every((p) => storedKeys.has(key(p)));
}

function sortedJson(value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`).join(",")}}`;
}
