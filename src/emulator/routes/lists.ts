import type { Context, Hono } from "hono";
import { listSearchView, listView, processingTypes, type CrmList, type FilterBranch, type ProcessingType } from "../crm-metadata/crm-list.ts";
import { parseFilterBranch } from "../crm-metadata/list-filter.ts";
import { listMembershipRoutes } from "../crm-metadata/list-membership-routes.ts";
import { pathList, requireListsScope } from "../crm-metadata/list-request.ts";
import type { EmulatorEnv } from "../env.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { readJsonObject } from "../http/json-body.ts";
import { boolParam, listParam } from "../http/query-params.ts";
import type { EmulatorParts } from "../parts.ts";
import type { ListCreateInput } from "../state/list-store.ts";

const invalid = (message: string): ApiError => new ApiError(400, "VALIDATION_ERROR", message);

/** Lists v3 (segments): definitions here, memberships in `listMembershipRoutes`. The SDK sends `/crm/v3/lists/`; both forms are served. */
export function listsRoutes(app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {
  for (const root of ["/crm/v3/lists", "/crm/v3/lists/"]) {
    app.post(root, createList);
    app.get(root, listsByIds);
  }

  app.post("/crm/v3/lists/search", async (c) => {
    requireListsScope(c, "read");
    const body = await readJsonObject(c);
    const offset = nonNegativeInt(body["offset"], 0, "offset");
    const { listSearchPageDefault, listSearchPageMax } = c.get("state").options.limits;
    const count = Math.min(nonNegativeInt(body["count"], listSearchPageDefault, "count") || listSearchPageDefault, listSearchPageMax);
    const query = typeof body["query"] === "string" ? body["query"].trim().toLowerCase() : "";
    const types = stringArray(body["processingTypes"], "processingTypes");
    const ids = stringArray(body["listIds"], "listIds");
    const matching = c
      .get("portal")
      .lists.all()
      .filter((list) => (query === "" || list.name.toLowerCase().includes(query)) && (types.length === 0 || types.includes(list.processingType)) && (ids.length === 0 || ids.includes(list.listId)));
    const page = matching.slice(offset, offset + count);
    return c.json({ lists: page.map(listSearchView), hasMore: offset + page.length < matching.length, offset: offset + page.length, total: matching.length });
  });

  app.get("/crm/v3/lists/object-type-id/:objectTypeId/name/:listName", (c) => {
    requireListsScope(c, "read");
    const objectTypeId = listObjectTypeId(c, c.req.param("objectTypeId"));
    const name = c.req.param("listName");
    const list = c.get("portal").lists.findByName(objectTypeId, name);
    if (list === undefined) throw notFound(`List does not exist with name ${name} and object type ${objectTypeId}.`);
    return c.json({ list: listView(list, boolParam(c, "includeFilters")) });
  });

  // Registered before `/:listId` so `records/...` is never read as a list id.
  listMembershipRoutes(app);

  app.get("/crm/v3/lists/:listId", (c) => {
    requireListsScope(c, "read");
    return c.json({ list: listView(pathList(c), boolParam(c, "includeFilters")) });
  });

  app.delete("/crm/v3/lists/:listId", (c) => {
    requireListsScope(c, "write");
    c.get("portal").lists.delete(pathList(c));
    return c.body(null, 204);
  });

  app.put("/crm/v3/lists/:listId/restore", (c) => {
    requireListsScope(c, "write");
    const listId = c.req.param("listId");
    if (c.get("portal").lists.restore(listId) === undefined) throw notFound(`No deleted list exists with ID ${listId}.`);
    return c.body(null, 204);
  });

  app.put("/crm/v3/lists/:listId/update-list-name", (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    const name = c.req.query("listName")?.trim();
    if (name === undefined || name === "") throw invalid("The listName query parameter is required.");
    c.get("portal").lists.rename(list, name);
    return c.json({ updatedList: listView(list, boolParam(c, "includeFilters")) });
  });

  app.put("/crm/v3/lists/:listId/update-list-filters", async (c) => {
    requireListsScope(c, "write");
    const list = pathList(c);
    if (list.processingType === "MANUAL") throw invalid(`List ${list.listId} is a MANUAL list; only DYNAMIC and SNAPSHOT lists have filters.`);
    const body = await readJsonObject(c);
    c.get("portal").lists.updateFilters(list, parseFilterBranch(body["filterBranch"]));
    return c.json({ updatedList: listView(list, true) });
  });
}

async function createList(c: Context<EmulatorEnv>): Promise<Response> {
  requireListsScope(c, "write");
  const body = await readJsonObject(c);
  const missing = ["name", "objectTypeId", "processingType"].filter((field) => body[field] === undefined || body[field] === null);
  if (missing.length > 0) throw invalid(`Invalid input JSON on line 1: Some required fields were not set: [${missing.join(", ")}]`);
  const name = body["name"];
  if (typeof name !== "string" || name.trim() === "") throw invalid("name must be a non-empty string.");
  const processingType = body["processingType"];
  if (!isProcessingType(processingType)) throw invalid(`processingType must be one of ${processingTypes.join(", ")}; got ${JSON.stringify(processingType)}.`);
  const input: ListCreateInput = { name: name.trim(), objectTypeId: listObjectTypeId(c, body["objectTypeId"]), processingType };
  const filterBranch = filtersFor(processingType, body["filterBranch"]);
  if (filterBranch !== undefined) input.filterBranch = filterBranch;
  const userId = c.get("grant").userId;
  if (userId !== undefined) input.createdById = String(userId);
  const list = c.get("portal").lists.create(input);
  return c.json({ list: listView(list, true) });
}

function listsByIds(c: Context<EmulatorEnv>): Response {
  requireListsScope(c, "read");
  const lists = c.get("portal").lists;
  const includeFilters = boolParam(c, "includeFilters");
  const found = listParam(c, "listIds").map((id) => lists.get(id)).filter((list): list is CrmList => list !== undefined);
  return c.json({ lists: found.map((list) => listView(list, includeFilters)) });
}

/** DYNAMIC lists need filters; SNAPSHOT ones may have them; MANUAL ones have none, whatever is sent. */
function filtersFor(processingType: ProcessingType, value: unknown): FilterBranch | undefined {
  if (processingType === "MANUAL") return undefined;
  if (value === undefined || value === null) {
    if (processingType === "DYNAMIC") throw invalid("A DYNAMIC list requires a filterBranch.");
    return undefined;
  }
  return parseFilterBranch(value);
}

/** The canonical type id of a list's object type; lists are addressed by type id (`0-1`), names are accepted too. */
function listObjectTypeId(c: Context<EmulatorEnv>, value: unknown): string {
  const type = typeof value === "string" ? c.get("portal").types.resolve(value) : undefined;
  if (type === undefined) {
    throw new ApiError(400, "VALIDATION_ERROR", `The objectTypeId ${String(value)} provided for the list is not valid for this portal.`, {
      subCategory: "ListError.INVALID_OBJECT_TYPE_FOR_LIST",
    });
  }
  return type.objectTypeId;
}

function isProcessingType(value: unknown): value is ProcessingType {
  return typeof value === "string" && (processingTypes as readonly string[]).includes(value);
}

function nonNegativeInt(value: unknown, fallback: number, field: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw invalid(`${field} must be a non-negative integer.`);
  return value;
}

function stringArray(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw invalid(`${field} must be an array of strings.`);
  return value;
}

