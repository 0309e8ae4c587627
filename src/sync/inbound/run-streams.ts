import type {
  FilterConfig,
  InboundSyncConfig,
  ListsStreamConfig,
  OwnersStreamConfig,
  PipelinesStreamConfig,
  PropertySelection,
  SyncStrategy,
} from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { typeOfSchema, type ResolvedType, type TypeCatalog } from "./type-catalog.ts";

/** An object stream as a run reads it: a configured one, or a custom object `custom_objects` found. */
export interface ObjectStreamPlan {
  kind: "object";
  /** The stream's name: its key in hubsync.yaml, or the custom object's name. Cursors are keyed by it. */
  name: string;
  type: ResolvedType;
  strategy: SyncStrategy;
  properties: PropertySelection;
  modifiedDateProperty: string;
  history: readonly string[];
  associations: readonly string[];
  archived: boolean;
  filters: readonly FilterConfig[];
  pageSize: number;
  /** Found by `custom_objects`, not named in the file. */
  discovered: boolean;
}

/** A configured stream that could not be set up (an unknown custom object): reported as a failed stream. */
export interface UnresolvedStream {
  kind: "unresolved";
  name: string;
  strategy: string;
  error: HubsyncError;
}

export type RunStream = ObjectStreamPlan | OwnersStreamConfig | PipelinesStreamConfig | ListsStreamConfig | UnresolvedStream;

/**
 * The streams a run reads, in the file's order, with `custom_objects` expanded (in its place,
 * by name) to every custom object the portal has that no stream names already. `only` keeps
 * the named streams (`custom_objects` keeps every discovered one); a name that matches nothing
 * is CONFIG_INVALID.
 */
export async function runStreams(sync: InboundSyncConfig, catalog: TypeCatalog, only: readonly string[] | undefined): Promise<RunStream[]> {
  const named = new Map<string, ObjectStreamPlan | UnresolvedStream>();
  const owners = new Map<string, string>();
  for (const stream of sync.streams) {
    if (stream.kind !== "object") continue;
    try {
      const type = await catalog.resolve(stream.objectType);
      const other = owners.get(type.storeType);
      if (other !== undefined) {
        // Two streams over one table would sweep each other's rows.
        const error = new HubsyncError("CONFIG_INVALID", `Streams ${other} and ${stream.name} of sync ${sync.name} both name the object ${type.storeType}.`, {
          subject: stream.name,
          fix: `Keep one stream for ${type.storeType}.`,
        });
        named.set(stream.name, { kind: "unresolved", name: stream.name, strategy: stream.strategy, error });
        continue;
      }
      owners.set(type.storeType, stream.name);
      named.set(stream.name, { ...stream, kind: "object", type, discovered: false });
    } catch (error) {
      if (!(error instanceof HubsyncError) || error.code !== "HUBSPOT_NOT_FOUND") throw error;
      named.set(stream.name, { kind: "unresolved", name: stream.name, strategy: stream.strategy, error });
    }
  }
  const namedTypes = new Set([...named.values()].flatMap((s) => (s.kind === "object" ? [s.type.storeType] : [])));

  const streams: RunStream[] = [];
  for (const stream of sync.streams) {
    switch (stream.kind) {
      case "object": {
        const plan = named.get(stream.name);
        if (plan !== undefined) streams.push(plan);
        break;
      }
      case "custom_objects": {
        const schemas = [...(await catalog.schemas())].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const schema of schemas) {
          const type = typeOfSchema(schema);
          if (namedTypes.has(type.storeType)) continue;
          streams.push({
            kind: "object",
            name: schema.name,
            type,
            strategy: stream.strategy,
            properties: "all",
            modifiedDateProperty: "hs_lastmodifieddate",
            history: [],
            associations: stream.associations,
            archived: stream.archived,
            filters: [],
            pageSize: stream.pageSize,
            discovered: true,
          });
        }
        break;
      }
      default:
        streams.push(stream);
    }
  }
  if (only === undefined) return streams;

  const wanted = new Set(only);
  const kept = streams.filter((s) => wanted.has(s.name) || (s.kind === "object" && s.discovered && wanted.has("custom_objects")));
  const unknown = only.filter((name) => name !== "custom_objects" && !streams.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} has no stream ${unknown.join(", ")}.`, {
      subject: unknown.join(", "),
      fix: `Name streams of this sync: ${streams.map((s) => s.name).join(", ") || "(it has none)"}.`,
    });
  }
  return kept;
}

/** Stream names the file itself defines (custom objects `custom_objects` may add are not known before a run). */
export function configuredStreamNames(sync: InboundSyncConfig): string[] {
  return sync.streams.map((s) => s.name);
}
