import { portalId, type PortalId } from "../../core/ids.ts";
import { executor, type StoreContext } from "../store-context.ts";
import type { StoreTx } from "../store-tx.ts";
import { readBool, readJson, readTimestamp } from "../sql/read-value.ts";
import type { HubSpotList, Owner, Pipeline } from "./crm-records.ts";

export async function listOwners(ctx: StoreContext, portal: PortalId, tx?: StoreTx): Promise<Owner[]> {
  const rows = await executor(ctx, tx).selectFrom("hs_owners").selectAll().where("portal", "=", portal).orderBy("id").execute();
  return rows.map((r) => ({
    portal: portalId(r.portal),
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    userId: r.user_id,
    teams: readJson(r.teams_json),
    archived: readBool(r.archived),
  }));
}

/** Pipelines of one object type with their stages, in display order (archived ones included, marked). */
export async function listPipelines(ctx: StoreContext, portal: PortalId, objectType: string, tx?: StoreTx): Promise<Pipeline[]> {
  const db = executor(ctx, tx);
  const pipelines = await db
    .selectFrom("hs_pipelines")
    .selectAll()
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .orderBy("display_order")
    .orderBy("id")
    .execute();
  const stages = await db
    .selectFrom("hs_pipeline_stages")
    .selectAll()
    .where("portal", "=", portal)
    .where("object_type", "=", objectType)
    .orderBy("display_order")
    .orderBy("id")
    .execute();
  return pipelines.map((p) => ({
    portal: portalId(p.portal),
    objectType: p.object_type,
    id: p.id,
    label: p.label,
    displayOrder: p.display_order,
    archived: readBool(p.archived),
    stages: stages
      .filter((s) => s.pipeline_id === p.id)
      .map((s) => ({
        id: s.id,
        label: s.label,
        displayOrder: s.display_order,
        metadata: readJson(s.metadata_json),
        archived: readBool(s.archived),
      })),
  }));
}

export async function listLists(ctx: StoreContext, portal: PortalId, tx?: StoreTx): Promise<HubSpotList[]> {
  const rows = await executor(ctx, tx).selectFrom("hs_lists").selectAll().where("portal", "=", portal).orderBy("id").execute();
  return rows.map((r) => ({
    portal: portalId(r.portal),
    id: r.id,
    name: r.name,
    objectTypeId: r.object_type_id,
    processingType: r.processing_type,
    size: r.size === null ? null : Number(r.size),
    deletedAt: readTimestamp(r.deleted_at),
  }));
}

/** A list's member record ids, sorted. */
export async function listMemberships(ctx: StoreContext, portal: PortalId, listId: string, tx?: StoreTx): Promise<string[]> {
  const rows = await executor(ctx, tx)
    .selectFrom("hs_list_memberships")
    .select("record_id")
    .where("portal", "=", portal)
    .where("list_id", "=", listId)
    .orderBy("record_id")
    .execute();
  return rows.map((r) => r.record_id);
}
