import { loadOAuthTokens, saveOAuthTokens } from "./oauth/oauth-tokens.ts";
import { listAssociations } from "./associations/list-associations.ts";
import { replaceAssociations } from "./associations/replace-associations.ts";
import { listLists, listMemberships, listOwners, listPipelines } from "./crm/read-crm.ts";
import { replaceListMemberships } from "./crm/replace-list-memberships.ts";
import { replacePipelines } from "./crm/replace-pipelines.ts";
import { upsertLists } from "./crm/upsert-lists.ts";
import { upsertOwners } from "./crm/upsert-owners.ts";
import { listPropertyHistory } from "./history/list-property-history.ts";
import { upsertPropertyHistory } from "./history/upsert-property-history.ts";
import { ensureObjectTable } from "./objects/ensure-object-table.ts";
import { loadObjectTable } from "./objects/load-object-table.ts";
import { markArchived } from "./objects/mark-archived.ts";
import { markDeleted } from "./objects/mark-deleted.ts";
import { markMerged } from "./objects/mark-merged.ts";
import { findObjectTable } from "./objects/object-table-for.ts";
import type { ObjectTable } from "./objects/object-table.ts";
import { countRows, getRecord, streamRecords } from "./objects/read-records.ts";
import { survivorOf } from "./objects/survivor-of.ts";
import { sweepUnseen } from "./objects/sweep-unseen.ts";
import { upsertRecords } from "./objects/upsert-records.ts";
import { getOutboundAssociations, replaceOutboundAssociations } from "./outbound/outbound-associations.ts";
import { countOutboundRows } from "./outbound/outbound-counts.ts";
import { getOutboundList, putOutboundList } from "./outbound/outbound-lists.ts";
import { getOutboundOrphans, replaceOutboundOrphans } from "./outbound/outbound-orphans.ts";
import { getOutboundRows, markOutboundSeen, putOutboundRows, setOutboundListMembers } from "./outbound/outbound-rows.ts";
import { scanOutboundRows } from "./outbound/scan-outbound-rows.ts";
import type { Store } from "./store.ts";
import { executor, type StoreContext } from "./store-context.ts";
import { storeTx } from "./store-tx.ts";
import { appendAudit, auditEntries } from "./sync-state/audit-log.ts";
import { createRun } from "./sync-state/create-run.ts";
import { getCursor, listCursors } from "./sync-state/get-cursor.ts";
import { putCursor } from "./sync-state/put-cursor.ts";
import { getRun, listRuns } from "./sync-state/read-runs.ts";
import { recordRunProgress, transitionRun } from "./sync-state/transition-run.ts";

/** Binds the store's functions to one context: the Store every caller sees. */
export function createStore(ctx: StoreContext): Store {
  let closed = false;
  return {
    kind: ctx.flavor.kind,
    target: ctx.target,
    transaction: async (fn) => {
      if (ctx.activeTx.getStore() !== undefined) throw new Error("store.transaction() cannot be nested");
      return ctx.driver.transaction((db) => {
        const tx = storeTx(db);
        return ctx.activeTx.run(tx, () => fn(tx));
      });
    },

    ensureObjectTable: (objectType, properties) => ensureObjectTable(ctx, objectType, properties),
    objectTable: (objectType) => findObjectTable(ctx, executor(ctx, undefined), objectType),
    objectTables: async () => {
      const db = executor(ctx, undefined);
      const types = await db.selectFrom("hs_object_types").select("object_type").orderBy("object_type").execute();
      const tables: ObjectTable[] = [];
      for (const { object_type } of types) {
        const table = await loadObjectTable(db, object_type);
        if (table !== undefined) tables.push(table);
      }
      return tables;
    },

    upsertRecords: (tx, portal, objectType, records, runId) => upsertRecords(ctx, tx, portal, objectType, records, runId),
    markArchived: (tx, portal, objectType, ids, at) => markArchived(ctx, tx, portal, objectType, ids, at),
    markDeleted: (tx, portal, objectType, ids, at) => markDeleted(ctx, tx, portal, objectType, ids, at),
    markMerged: (tx, portal, objectType, loserId, survivorId, at) => markMerged(ctx, tx, portal, objectType, loserId, survivorId, at),
    sweepUnseen: (tx, portal, objectType, runId, at) => sweepUnseen(ctx, tx, portal, objectType, runId, at),
    replaceAssociations: (tx, portal, fromType, toType, fromIds, rows) =>
      replaceAssociations(ctx, tx, portal, fromType, toType, fromIds, rows),
    upsertPropertyHistory: (tx, portal, objectType, entries) => upsertPropertyHistory(ctx, tx, portal, objectType, entries),
    upsertOwners: (tx, portal, owners) => upsertOwners(ctx, tx, portal, owners),
    replacePipelines: (tx, portal, objectType, pipelines) => replacePipelines(ctx, tx, portal, objectType, pipelines),
    upsertLists: (tx, portal, lists) => upsertLists(ctx, tx, portal, lists),
    replaceListMemberships: (tx, portal, listId, recordIds) => replaceListMemberships(ctx, tx, portal, listId, recordIds),

    getCursor: (key, tx) => getCursor(ctx, key, tx),
    putCursor: (tx, key, cursor, expectedVersion) => putCursor(ctx, tx, key, cursor, expectedVersion),
    cursors: (sync, tx) => listCursors(ctx, sync, tx),
    saveOAuthTokens: (connection, tokens) => saveOAuthTokens(ctx, connection, tokens),
    loadOAuthTokens: () => loadOAuthTokens(ctx),

    createRun: (input, tx) => createRun(ctx, input, tx),
    transitionRun: (id, to, patch, tx) => transitionRun(ctx, id, to, patch, tx),
    recordRunProgress: (id, patch, tx) => recordRunProgress(ctx, id, patch, tx),
    getRun: (id, tx) => getRun(ctx, id, tx),
    listRuns: (query, tx) => listRuns(ctx, query, tx),
    appendAudit: (entries, tx) => appendAudit(ctx, entries, tx),
    auditEntries: (runId, query, tx) => auditEntries(ctx, runId, query, tx),

    countRows: (portal, objectType, filter, tx) => countRows(ctx, portal, objectType, filter, tx),
    getRecord: (portal, objectType, id, tx) => getRecord(ctx, portal, objectType, id, tx),
    streamRecords: (portal, objectType, options) => streamRecords(ctx, portal, objectType, options),
    associations: (portal, query, tx) => listAssociations(ctx, portal, query, tx),
    survivorOf: (portal, objectType, id, tx) => survivorOf(ctx, portal, objectType, id, tx),
    propertyHistory: (portal, objectType, objectId, property, tx) => listPropertyHistory(ctx, portal, objectType, objectId, property, tx),
    owners: (portal, tx) => listOwners(ctx, portal, tx),
    pipelines: (portal, objectType, tx) => listPipelines(ctx, portal, objectType, tx),
    lists: (portal, tx) => listLists(ctx, portal, tx),
    listMembers: (portal, listId, tx) => listMemberships(ctx, portal, listId, tx),

    outboundRows: (sync, portal, keys, tx) => getOutboundRows(ctx, sync, portal, keys, tx),
    putOutboundRows: (tx, sync, portal, rows) => putOutboundRows(ctx, tx, sync, portal, rows),
    markOutboundSeen: (tx, sync, portal, keys, run) => markOutboundSeen(ctx, tx, sync, portal, keys, run),
    setOutboundListMembers: (tx, sync, portal, keys, member) => setOutboundListMembers(ctx, tx, sync, portal, keys, member),
    scanOutboundRows: (sync, query) => scanOutboundRows(ctx, sync, query),
    countOutboundRows: (sync, portal, tx) => countOutboundRows(ctx, sync, portal, tx),
    outboundAssociations: (sync, portal, rowKeys, tx) => getOutboundAssociations(ctx, sync, portal, rowKeys, tx),
    replaceOutboundAssociations: (tx, sync, portal, rowKeys, associations) => replaceOutboundAssociations(ctx, tx, sync, portal, rowKeys, associations),
    outboundOrphans: (sync, portal, rowKeys, tx) => getOutboundOrphans(ctx, sync, portal, rowKeys, tx),
    replaceOutboundOrphans: (tx, sync, portal, rowKeys, orphans) => replaceOutboundOrphans(ctx, tx, sync, portal, rowKeys, orphans),
    outboundList: (sync, portal, tx) => getOutboundList(ctx, sync, portal, tx),
    putOutboundList: (tx, sync, portal, list) => putOutboundList(ctx, tx, sync, portal, list),

    close: async () => {
      if (closed) return;
      closed = true;
      await ctx.driver.close();
    },
  };
}
