import type { PropertyOption } from "../state/property-definition.ts";
import type { PropertyRegistry } from "../state/property-registry.ts";
import { pipelineProperties, type Pipeline, type PipelineObjectTypeName } from "./pipeline.ts";

/**
 * Makes the options of a type's pipeline and stage properties equal to its live pipelines and
 * stages, so the generic enumeration check of record writes accepts exactly the ids HubSpot would.
 * `pipelines` are live, in display order, each holding only live stages.
 */
export function syncPipelineOptions(registry: PropertyRegistry, typeName: PipelineObjectTypeName, pipelines: readonly Pipeline[], at: string): void {
  const names = pipelineProperties[typeName];
  setOptions(registry, names.pipeline, pipelines.map((p) => ({ label: p.label, value: p.id, displayOrder: p.displayOrder, hidden: false })), at);
  setOptions(
    registry,
    names.stage,
    pipelines.flatMap((p) => p.stages.map((s) => ({ label: s.label, value: s.id, displayOrder: s.displayOrder, hidden: false }))),
    at,
  );
}

function setOptions(registry: PropertyRegistry, name: string, options: PropertyOption[], at: string): void {
  const definition = registry.definitions.get(name);
  if (definition === undefined) return;
  // A new definition object rather than a mutation: readers holding the old one see a consistent whole.
  registry.definitions.set(name, { ...definition, options, updatedAt: at });
}
