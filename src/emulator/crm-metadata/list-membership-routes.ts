import type { Context, Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { readJson, readJsonObject } from "../http/json-body.ts";
import { limitParam } from "../http/query-params.ts";
import type { MembershipChange } from "../state/list-store.ts";
import type { MembershipOrder } from "./list-members.ts";
import { pathList, recordIds, requireListsScope } from "./list-request.ts";
import { decodeCursor, encodeCursor } from "./opaque-cursor.ts";

/**
 * HubSpot's spec (and so the SDK) spells the added ids `recordsIdsAdded`, while its docs show
 * `recordIdsAdded`; both are sent so either kind of client finds them.
 */
function changeBody(change: MembershipChange): Record<string, string[]> {
  const missing = [...new Set(change.missing)];
  return { recordIdsAdded: change.added, recordsIdsAdded: change.added, recordIdsRemoved: change.removed, recordIdsMissing: missing };
}

/** Membership reads and edits under `/crm/v3/lists/{listId}/memberships` and by record. */
export function listMembershipRoutes(app: Hono<EmulatorEnv>): void {
  const base = "/crm/v3/lists/:listId/memberships";

  app.get(base, (c) => membershipPage(c, "id", ""));
  app.get(`${base}/join-order`, (c) => membershipPage(c, "join", "/join-order"));

  app.put(`${base}/add`, async (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    const ids = recordIds(await readJson(c), "the request body");
    return c.json(changeBody(c.get("portal").lists.addMembers(list, ids)));
  });

  app.put(`${base}/remove`, async (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    const ids = recordIds(await readJson(c), "the request body");
    return c.json(changeBody(c.get("portal").lists.removeMembers(list, ids)));
  });

  app.put(`${base}/add-and-remove`, async (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    const body = await readJsonObject(c);
    const toAdd = recordIds(body["recordIdsToAdd"] ?? [], "recordIdsToAdd");
    const toRemove = recordIds(body["recordIdsToRemove"] ?? [], "recordIdsToRemove");
    const lists = c.get("portal").lists;
    const removed = lists.removeMembers(list, toRemove);
    const added = lists.addMembers(list, toAdd);
    return c.json(changeBody({ added: added.added, removed: removed.removed, missing: [...removed.missing, ...added.missing] }));
  });

  app.put(`${base}/add-from/:sourceListId`, (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    const source = pathList(c, "sourceListId");
    if (source.objectTypeId !== list.objectTypeId) {
      throw new ApiError(400, "VALIDATION_ERROR", `List ${source.listId} holds records of type ${source.objectTypeId}, list ${list.listId} of type ${list.objectTypeId}.`);
    }
    c.get("portal").lists.addMembers(list, source.members.inJoinOrder().map((m) => m.recordId));
    return c.body(null, 204);
  });

  app.delete(base, (c) => {
    requireListsScope(c, "write");
    c.get("portal").lists.clear(pathList(c));
    return c.body(null, 204);
  });

  app.get("/crm/v3/lists/records/:objectTypeId/:recordId/memberships", (c) => {
    requireListsScope(c, "read");
    const portal = c.get("portal");
    const type = portal.resolveType(c.req.param("objectTypeId"));
    const recordId = portal.store(type).get(c.req.param("recordId"))?.id ?? c.req.param("recordId");
    const results = portal.lists.listsOf(type.objectTypeId, recordId).map((list) => {
      const joined = new Date(list.members.get(recordId)?.addedAt ?? list.createdAt).toISOString();
      return { listId: list.listId, listVersion: list.listVersion, firstAddedTimestamp: joined, lastAddedTimestamp: joined };
    });
    return c.json({ results, total: results.length });
  });
}

function membershipPage(c: Context<EmulatorEnv>, order: MembershipOrder, suffix: string): Response {
  requireListsScope(c, "read");
  const list = pathList(c);
  const { limits } = c.get("state").options;
  const limit = limitParam(c, "limit", limits.listMembershipsPageDefault, limits.listMembershipsPageMax);
  const after = c.req.query("after");
  const before = c.req.query("before");
  const cursor: { after?: string; before?: string } = {};
  if (before !== undefined && before !== "") cursor.before = decodeCursor(before, "before");
  else if (after !== undefined && after !== "") cursor.after = decodeCursor(after, "after");
  const page = list.members.page(order, limit, cursor);
  const link = `${c.get("state").options.baseUrl}/crm/v3/lists/${list.listId}/memberships${suffix}`;
  const paging: { next?: { after: string; link: string }; prev?: { before: string; link: string } } = {};
  if (page.next !== undefined) {
    const next = encodeCursor(page.next);
    paging.next = { after: next, link: `${link}?after=${next}` };
  }
  if (page.prev !== undefined) {
    const prev = encodeCursor(page.prev);
    paging.prev = { before: prev, link: `${link}?before=${prev}` };
  }
  const results = page.memberships.map((m) => ({ recordId: m.recordId, membershipTimestamp: new Date(m.addedAt).toISOString() }));
  return c.json(paging.next === undefined && paging.prev === undefined ? { results, total: list.members.size } : { results, paging, total: list.members.size });
}
