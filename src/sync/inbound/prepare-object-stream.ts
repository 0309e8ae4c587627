import { filterAst, filterProperties, toPredicate, toSearchFilterGroups, type FilterAst, type FilterPredicate, type FilterProperties, type PushedFilterGroup } from "../../filters/index.ts";
import type { AuditEntryInput } from "../../store/index.ts";
import { readOptions, type RunContext } from "./run-context.ts";
import type { ObjectStreamPlan } from "./run-streams.ts";
import type { StreamCounter } from "./stream-counter.ts";
import { streamConfigHash } from "./stream-cursor.ts";

/** An object stream ready to read: its properties, columns, filter and cursor identity settled. */
export interface PreparedObjectStream {
  plan: ObjectStreamPlan;
  /** What every read asks HubSpot for: the selection plus what the engine itself needs. */
  properties: string[];
  /** Properties whose history is kept (the selected ones HubSpot defines). */
  history: string[];
  filter: FilterAst;
  hasFilter: boolean;
  matches: FilterPredicate;
  /** The filter as search filterGroups, when search means exactly the same (else undefined). */
  pushdown: PushedFilterGroup[] | undefined;
  configHash: string;
}

/** Properties the engine reads whatever the selection: merges, the cursor, and identity. */
const engineProperties = ["hs_merged_object_ids", "hs_object_id"];

/**
 * Reads the object's property definitions and brings its table up to date (pitfall 15: a
 * property new in HubSpot becomes a column, nothing is dropped, raw JSON keeps every value),
 * then settles what the stream reads.
 */
export async function prepareObjectStream(ctx: RunContext, plan: ObjectStreamPlan, counter: StreamCounter): Promise<PreparedObjectStream> {
  const definitions = await ctx.client.properties(plan.type.apiType, readOptions(ctx));
  const defined = new Map(definitions.map((d) => [d.name, d]));
  const selected = plan.properties === "all" ? definitions.map((d) => d.name) : [...plan.properties];
  const notes: AuditEntryInput[] = [];
  const unknown = selected.filter((name) => !defined.has(name));
  if (unknown.length > 0) {
    notes.push(streamNote(ctx, plan, "warn", "property_unknown", `HubSpot does not define ${unknown.join(", ")} on ${plan.type.storeType}: not read, no column`, { properties: unknown }));
  }

  const columns = selected.flatMap((name) => {
    const definition = defined.get(name);
    return definition === undefined ? [] : [{ name, type: definition.type }];
  });
  const ensured = await ctx.store.ensureObjectTable(plan.type.storeType, columns);
  counter.columnsAdded += ensured.addedColumns.length;
  if (ensured.addedColumns.length > 0 && !ensured.created) {
    notes.push(streamNote(ctx, plan, "info", "columns_added", `New properties in HubSpot: ${ensured.addedColumns.map((c) => c.property).join(", ")}`, {
      columns: ensured.addedColumns.map((c) => ({ property: c.property, column: c.column, type: c.hubspotType })),
    }));
  }
  for (const change of ensured.typeChanges) {
    notes.push(streamNote(ctx, plan, "warn", "property_type_changed", `${change.property} changed type in HubSpot (${change.from} → ${change.to}): its column keeps its type; values that no longer fit are NULL there and kept in properties_json`, change));
  }
  if (ensured.untyped.length > 0) {
    notes.push(streamNote(ctx, plan, "warn", "columns_limit", `${ensured.untyped.length} properties have no typed column (the table reached its column limit); their values are kept in properties_json`, { properties: ensured.untyped }));
  }
  if (notes.length > 0) await ctx.store.appendAudit(notes);

  const filter = filterAst(plan.filters);
  const filterInfo: FilterProperties = new Map(
    filterProperties(filter).flatMap((name) => {
      const definition = defined.get(name);
      return definition === undefined ? [] : [[name, { type: definition.type, fieldType: definition.fieldType }] as const];
    }),
  );
  const translation = toSearchFilterGroups(filter, filterInfo);
  return {
    plan,
    properties: [...new Set([...selected.filter((name) => defined.has(name)), ...filterProperties(filter), plan.modifiedDateProperty, ...engineProperties])],
    history: plan.history.filter((name) => defined.has(name)),
    filter,
    hasFilter: filter.conditions.length > 0,
    matches: toPredicate(filter, filterInfo),
    pushdown: translation.pushable && filter.conditions.length > 0 ? translation.filterGroups : undefined,
    configHash: streamConfigHash({ strategy: plan.strategy, properties: plan.properties, filters: plan.filters, history: plan.history }),
  };
}

function streamNote(ctx: RunContext, plan: ObjectStreamPlan, level: AuditEntryInput["level"], action: string, message: string, details: unknown): AuditEntryInput {
  return { runId: ctx.runId, stream: plan.name, level, action, message, details };
}
