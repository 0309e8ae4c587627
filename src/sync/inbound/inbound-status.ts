import { isStandardObjectType, type InboundSyncConfig } from "../../config/index.ts";
import { filterAst, filterProperties, toSearchFilterGroups, type FilterProperties } from "../../filters/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import { portalId as toPortalId, type PortalId } from "../../core/ids.ts";
import { err, ok } from "../../core/result.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { Store, SyncRun } from "../../store/index.ts";
import { asHubsyncError } from "./as-hubsync-error.ts";
import { cursorView } from "./cursor-view.ts";
import type { InboundStatusOf, StreamStatus } from "./inbound-contract.ts";
import { strategyOf } from "./run-stream.ts";
import { runStreams, type ObjectStreamPlan, type RunStream } from "./run-streams.ts";
import { LOCK_STREAM } from "./sync-lock.ts";
import { TypeCatalog } from "./type-catalog.ts";

/**
 * Per stream: HubSpot's count (a one-result search's `total`, with the stream's filter when
 * search can express it; absent otherwise), live and deleted rows in the store, the last run
 * that read the stream, and the cursor. HubSpot being unreachable leaves its counts out
 * rather than failing, as long as the store knows the portal.
 */
export const inboundStatus: InboundStatusOf = async (deps, config, syncName) => {
  const sync = config.inbound.find((s) => s.name === syncName);
  if (sync === undefined) return err(new HubsyncError("SYNC_NOT_FOUND", `No inbound sync named ${syncName}.`, { subject: syncName }));
  const connection = config.connections.find((c) => c.name === sync.connection);
  if (connection === undefined) return err(new HubsyncError("CONFIG_INVALID", `Sync ${sync.name} names connection ${sync.connection}, which the config does not define.`));
  try {
    const { store } = deps;
    const client = deps.hubspotFor(connection);
    const cursors = (await store.cursors(sync.name)).filter((c) => c.stream !== LOCK_STREAM);
    let portal: PortalId | undefined;
    let remote = true;
    try {
      portal = (await client.tokenInfo()).hubId;
    } catch (error) {
      deps.logger.warn({ err: error }, "status: HubSpot is not reachable; showing the store only");
      remote = false;
      const known = cursors[0]?.portal;
      portal = known === undefined ? undefined : toPortalId(known);
    }
    if (portal === undefined) {
      return err(new HubsyncError("HUBSPOT_UNAVAILABLE", `Cannot tell which portal sync ${sync.name} mirrors: HubSpot is not reachable and the sync has never run.`));
    }
    let streams: RunStream[];
    try {
      streams = remote ? await runStreams(sync, new TypeCatalog(client, undefined), undefined) : await localStreams(sync, store);
    } catch (error) {
      deps.logger.warn({ err: error }, "status: could not list the portal's custom objects");
      remote = false;
      streams = await localStreams(sync, store);
    }
    const runs = await store.listRuns({ sync: sync.name, limit: 50 });
    const result: StreamStatus[] = [];
    for (const stream of streams) {
      const status: StreamStatus = { stream: stream.name, strategy: strategyOf(stream), localRows: 0, deletedRows: 0 };
      await countLocal(store, portal, stream, status);
      if (remote && stream.kind === "object") {
        const total = await hubspotTotal(client, stream).catch(() => undefined);
        if (total !== undefined) status.hubspotTotal = total;
      }
      const last = lastRunOf(runs, stream.name);
      if (last !== undefined) status.lastRun = { runId: last.id, status: last.status, ...(last.finishedAt === null ? {} : { finishedAt: Date.parse(last.finishedAt) }) };
      const cursor = cursors.find((c) => c.stream === stream.name && c.portal === portal);
      if (cursor !== undefined) status.cursor = cursorView(cursor);
      result.push(status);
    }
    return ok({ sync: sync.name, streams: result });
  } catch (error) {
    return err(asHubsyncError(error));
  }
};

/**
 * The configured streams as far as the store can tell without HubSpot: custom objects are
 * named as written (a `p_` prefix dropped) and `custom_objects` stands for the tables of
 * custom objects mirrored so far.
 */
async function localStreams(sync: InboundSyncConfig, store: Store): Promise<RunStream[]> {
  const streams: RunStream[] = [];
  const named = new Set<string>();
  const storeName = (name: string): string => (isStandardObjectType(name) ? name : name.replace(/^p\d*_/, ""));
  for (const stream of sync.streams) if (stream.kind === "object") named.add(storeName(stream.objectType));
  for (const stream of sync.streams) {
    if (stream.kind === "object") {
      const type = storeName(stream.objectType);
      streams.push({ ...stream, kind: "object", type: { apiType: stream.objectType, storeType: type, custom: stream.custom }, discovered: false });
    } else if (stream.kind === "custom_objects") {
      for (const table of await store.objectTables()) {
        if (isStandardObjectType(table.objectType) || named.has(table.objectType)) continue;
        streams.push({
          kind: "object",
          name: table.objectType,
          type: { apiType: table.objectType, storeType: table.objectType, custom: true },
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
    } else {
      streams.push(stream);
    }
  }
  return streams;
}

async function countLocal(store: Store, portal: PortalId, stream: RunStream, status: StreamStatus): Promise<void> {
  switch (stream.kind) {
    case "object": {
      const live = await store.countRows(portal, stream.type.storeType);
      status.localRows = live;
      status.deletedRows = (await store.countRows(portal, stream.type.storeType, { includeDeleted: true })) - live;
      return;
    }
    case "owners": {
      const owners = await store.owners(portal);
      status.localRows = owners.filter((o) => !o.archived).length;
      status.deletedRows = owners.length - status.localRows;
      return;
    }
    case "pipelines": {
      for (const objectType of stream.objects) {
        const pipelines = await store.pipelines(portal, objectType);
        status.localRows += pipelines.filter((p) => !p.archived).length;
        status.deletedRows += pipelines.filter((p) => p.archived).length;
      }
      return;
    }
    case "lists": {
      const lists = await store.lists(portal);
      status.localRows = lists.filter((l) => l.deletedAt === null).length;
      status.deletedRows = lists.length - status.localRows;
      return;
    }
    case "unresolved":
      return;
  }
}

async function hubspotTotal(client: HubSpotClient, stream: ObjectStreamPlan): Promise<number | undefined> {
  if (stream.filters.length === 0) return client.countObjects(stream.type.apiType);
  const ast = filterAst(stream.filters);
  const wanted = new Set(filterProperties(ast));
  const definitions = await client.properties(stream.type.apiType);
  const info: FilterProperties = new Map(definitions.filter((d) => wanted.has(d.name)).map((d) => [d.name, { type: d.type, fieldType: d.fieldType }]));
  const translation = toSearchFilterGroups(ast, info);
  return translation.pushable ? client.countObjects(stream.type.apiType, { filterGroups: translation.filterGroups }) : undefined;
}

/** The newest run that read the stream (its counts name it). */
function lastRunOf(runs: readonly SyncRun[], stream: string): SyncRun | undefined {
  return runs.find((run) => Object.hasOwn(run.counts, `${stream}.fetched`) || run.errors.some((e) => e.stream === stream));
}
